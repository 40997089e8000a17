package org.skyfleet.app.console;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.skyfleet.telemetry.fanout.ConflatingSubscription;

/**
 * The console's WebSocket once upgraded: the browser proves itself with a bearer token as its first text
 * message; any valid role may watch. A bad token closes the socket with code 4401 and the reason, a role
 * that may not watch the fleet with 4403. A token in the URL ({@code ?token=}) is refused, closing with 1008
 * (policy violation): URLs end up in proxy logs and browser history. A socket that has not signed in within
 * the deadline is closed with 1008 too. Then the session streams until either side goes; when the
 * connection has been idle it is pinged, and the browser's answer keeps it open.
 */
final class LiveFeedHandler extends ChannelInboundHandlerAdapter {
    static final int CLOSE_UNAUTHENTICATED = 4401;
    /** A valid token whose role may not watch the fleet (an officer's, an edge computer's). */
    static final int CLOSE_FORBIDDEN = 4403;
    /** RFC 6455 policy violation: a token in the URL, or no sign-in in time. */
    static final int CLOSE_POLICY = 1008;

    private final ConsoleAuth auth;
    private final AlertLog alerts;
    private final Function<LiveSession, ConflatingSubscription<String>> subscribe;
    private final Executor blocking;
    private final Duration signInWithin;
    private ScheduledFuture<?> signInDeadline;
    private volatile LiveSession session;
    private boolean upgraded;
    private boolean signingIn;

    /**
     * @param blocking     where the token is checked: a refusal is written to the audit journal, which may block
     * @param signInWithin how long after the upgrade the sign-in message may take
     */
    LiveFeedHandler(ConsoleAuth auth, AlertLog alerts, Function<LiveSession, ConflatingSubscription<String>> subscribe,
                    Executor blocking, Duration signInWithin) {
        this.auth = auth;
        this.signInWithin = signInWithin;
        this.blocking = blocking;
        this.alerts = alerts;
        this.subscribe = subscribe;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete hs) {
            upgraded = true;
            if (new QueryStringDecoder(hs.requestUri()).parameters().containsKey("token")) {
                close(ctx, CLOSE_POLICY, "a token in the URL is refused: send it as the first message");
                return;
            }
            signInDeadline = ctx.executor().schedule(() -> {
                if (session == null) {
                    close(ctx, CLOSE_POLICY, "not signed in within " + signInWithin.toSeconds() + " s: send the token as the first message");
                }
            }, signInWithin.toNanos(), TimeUnit.NANOSECONDS);
            return;
        }
        if (evt instanceof IdleStateEvent && upgraded) {
            if (session != null) {
                ctx.writeAndFlush(new PingWebSocketFrame());
            } else {
                ctx.close();
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
            String source = ConsoleAuth.sourceOf(ctx.channel().remoteAddress());
            ConsoleAuth.Outcome outcome = auth.requireWatcher(auth.fromToken(token, source, "watch the console feed"),
                    source, "watch the console feed");
            ctx.channel().eventLoop().execute(() -> signedIn(ctx, outcome));
        });
    }

    private void signedIn(ChannelHandlerContext ctx, ConsoleAuth.Outcome outcome) {
        if (outcome instanceof ConsoleAuth.Refused r) {
            close(ctx, r.status() == 403 ? CLOSE_FORBIDDEN : CLOSE_UNAUTHENTICATED, r.reason());
            return;
        }
        if (!ctx.channel().isActive()) {
            return;
        }
        var op = ((ConsoleAuth.Allowed) outcome).operator();
        ctx.writeAndFlush(new TextWebSocketFrame(new JsonObject().str("t", "hello").str("subject", op.subject())
                .str("role", op.role().name().toLowerCase(Locale.ROOT)).end()));
        cancelDeadline();
        session = new LiveSession(ctx.channel(), alerts);
        session.start(subscribe.apply(session));
    }

    private static void close(ChannelHandlerContext ctx, int code, String reason) {
        ctx.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(f -> ctx.close());
    }

    private void cancelDeadline() {
        if (signInDeadline != null) {
            signInDeadline.cancel(false);
            signInDeadline = null;
        }
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
        cancelDeadline();
        if (session != null) {
            session.close();
        }
        super.channelInactive(ctx);
    }
}
