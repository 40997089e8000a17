package org.skyfleet.app.console;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.ReferenceCountUtil;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.skyfleet.telemetry.fanout.ConflatingSubscription;

/**
 * The console's WebSocket once upgraded: the browser proves itself with a bearer token, as the
 * {@code token} query parameter or as its first text message; any valid role may watch. A missing or bad
 * token closes the socket with code 4401 and the reason, a role that may not watch the fleet with 4403. Then the session streams until either side goes.
 */
final class LiveFeedHandler extends ChannelInboundHandlerAdapter {
    static final int CLOSE_UNAUTHENTICATED = 4401;
    /** A valid token whose role may not watch the fleet (an officer's, an edge computer's). */
    static final int CLOSE_FORBIDDEN = 4403;

    private final ConsoleAuth auth;
    private final AlertLog alerts;
    private final Function<LiveSession, ConflatingSubscription<String>> subscribe;
    private final Executor blocking;
    private volatile LiveSession session;
    private boolean upgraded;
    private boolean signingIn;

    /** @param blocking where the token is checked: a refusal is written to the audit journal, which may block */
    LiveFeedHandler(ConsoleAuth auth, AlertLog alerts, Function<LiveSession, ConflatingSubscription<String>> subscribe,
                    Executor blocking) {
        this.auth = auth;
        this.blocking = blocking;
        this.alerts = alerts;
        this.subscribe = subscribe;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete hs) {
            upgraded = true;
            List<String> token = new QueryStringDecoder(hs.requestUri()).parameters().get("token");
            if (token != null && !token.isEmpty()) {
                authenticate(ctx, token.get(0));
            }
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof WebSocketFrame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            if (msg instanceof TextWebSocketFrame text && !signingIn && upgraded) {
                authenticate(ctx, text.text().strip());
            }
            // after sign-in the browser has nothing to say on this socket: acknowledgements go over HTTP
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    /** Checks the token off the event loop, then signs in or closes back on it. Once per socket. */
    private void authenticate(ChannelHandlerContext ctx, String token) {
        signingIn = true;
        blocking.execute(() -> {
            ConsoleAuth.Outcome outcome = auth.requireWatcher(auth.fromToken(token, "watch the console feed"),
                    "watch the console feed");
            ctx.channel().eventLoop().execute(() -> signedIn(ctx, outcome));
        });
    }

    private void signedIn(ChannelHandlerContext ctx, ConsoleAuth.Outcome outcome) {
        if (outcome instanceof ConsoleAuth.Refused r) {
            ctx.writeAndFlush(new CloseWebSocketFrame(r.status() == 403 ? CLOSE_FORBIDDEN : CLOSE_UNAUTHENTICATED, r.reason()))
                    .addListener(f -> ctx.close());
            return;
        }
        if (!ctx.channel().isActive()) {
            return;
        }
        var op = ((ConsoleAuth.Allowed) outcome).operator();
        ctx.writeAndFlush(new TextWebSocketFrame(new JsonObject().str("t", "hello").str("subject", op.subject())
                .str("role", op.role().name().toLowerCase(Locale.ROOT)).end()));
        session = new LiveSession(ctx.channel(), alerts);
        session.start(subscribe.apply(session));
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (session != null && ctx.channel().isWritable()) {
            session.onWritable();
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (session != null) {
            session.close();
        }
        super.channelInactive(ctx);
    }
}
