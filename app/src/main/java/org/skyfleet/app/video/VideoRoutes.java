package org.skyfleet.app.video;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.skyfleet.app.console.ConsoleAuth;
import org.skyfleet.video.VideoStreams;
import org.skyfleet.video.relay.ViewerSink;
import org.skyfleet.video.stream.VehicleStream;

/**
 * The video routes, first on each HTTP connection; anything else passes on untouched.
 * <ul>
 *   <li>{@code GET /api/v1/video/streams}: every stream's status (JSON), for a watcher's bearer token.</li>
 *   <li>{@code GET /api/v1/video/{vehicle}/live.mp4}: the live stream as one chunked fragmented-MP4 response,
 *       for a watcher's bearer token in the Authorization header (ffprobe, ffplay: {@code -headers}).</li>
 *   <li>{@code GET /api/v1/video/{vehicle}/ws}: a WebSocket for browsers, which cannot set headers on one: the
 *       token is its first text message, as on the console's live feed; 4401/4403 close codes refuse it.</li>
 * </ul>
 * A refused viewer gets 401/403 (or the close code) and not one byte of video. Token checks run on
 * {@code blocking}: a refusal is journaled.
 */
public final class VideoRoutes extends ChannelInboundHandlerAdapter {
    public static final String PREFIX = "/api/v1/video/";
    static final String STREAMS = PREFIX + "streams";
    static final int CLOSE_UNAUTHENTICATED = 4401;
    static final int CLOSE_FORBIDDEN = 4403;
    static final int CLOSE_NO_STREAM = 4404;
    static final int CLOSE_POLICY = 1008;
    private static final Pattern STREAM = Pattern.compile("/api/v1/video/([A-Za-z0-9._-]{1,64})/(live\\.mp4|ws)");
    /** A keyframe is tens of kilobytes: let a viewer's socket hold a few before the relay skips to the next. */
    private static final WriteBufferWaterMark VIDEO_WATER_MARK = new WriteBufferWaterMark(512 * 1024, 2 * 1024 * 1024);

    private final VideoStreams streams;
    private final ConsoleAuth auth;
    private final Executor blocking;
    private final Duration signInWithin;
    private WebSocketServerHandshaker handshaker;
    private String wsVehicle;
    private boolean signingIn;
    private AutoCloseable viewing;

    public VideoRoutes(VideoStreams streams, ConsoleAuth auth, Executor blocking, Duration signInWithin) {
        this.streams = streams;
        this.auth = auth;
        this.blocking = blocking;
        this.signInWithin = signInWithin;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof WebSocketFrame frame && handshaker != null) {
            onFrame(ctx, frame);
            return;
        }
        if (!(msg instanceof FullHttpRequest request) || !request.uri().startsWith(PREFIX)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            String path = request.uri().split("\\?", 2)[0];
            Matcher m = STREAM.matcher(path);
            if (!request.method().equals(HttpMethod.GET)) {
                reply(ctx, request, 405, "only GET");
            } else if (path.equals(STREAMS)) {
                checked(ctx, request, "list video streams", () -> json(ctx, request, VideoJson.streams(streams.all())));
            } else if (m.matches() && m.group(2).equals("ws")) {
                upgrade(ctx, request, m.group(1));
            } else if (m.matches()) {
                String vehicle = m.group(1);
                checked(ctx, request, "watch " + vehicle + "'s video", () -> streamOverHttp(ctx, request, vehicle));
            } else {
                reply(ctx, request, 404, "no such video route: " + path);
            }
        } finally {
            request.release();
        }
    }

    /** Checks the Authorization header off the event loop, then runs {@code then} on it, or answers 401/403. */
    private void checked(ChannelHandlerContext ctx, FullHttpRequest request, String what, Runnable then) {
        String header = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        blocking.execute(() -> {
            String source = ConsoleAuth.sourceOf(ctx.channel().remoteAddress());
            ConsoleAuth.Outcome o = auth.requireWatcher(auth.fromHeader(header, source, what), source, what);
            ctx.channel().eventLoop().execute(() -> {
                if (o instanceof ConsoleAuth.Refused r) {
                    write(ctx, error(r.status(), r.reason()), keepAlive);
                } else {
                    then.run();
                }
            });
        });
    }

    private void streamOverHttp(ChannelHandlerContext ctx, FullHttpRequest request, String vehicle) {
        Optional<VehicleStream> stream = streams.stream(vehicle);
        if (stream.isEmpty()) {
            write(ctx, error(404, "vehicle " + vehicle + " has no video stream"), HttpUtil.isKeepAlive(request));
            return;
        }
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, "video/mp4")
                .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED)
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        ctx.channel().config().setWriteBufferWaterMark(VIDEO_WATER_MARK);
        ctx.writeAndFlush(head);
        watch(ctx, stream.get(), new HttpViewer(ctx));
    }

    private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, String vehicle) {
        if (request.uri().contains("token=")) {
            reply(ctx, request, 400, "a token in the URL is refused: send it as the first message");
            return;
        }
        String url = "ws://" + request.headers().get(HttpHeaderNames.HOST) + request.uri();
        handshaker = new WebSocketServerHandshakerFactory(url, null, false, 64 * 1024).newHandshaker(request);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return;
        }
        wsVehicle = vehicle;
        handshaker.handshake(ctx.channel(), request);
        ctx.executor().schedule(() -> {
            if (viewing == null && !signingIn && ctx.channel().isActive()) {
                close(ctx, CLOSE_POLICY, "not signed in within " + signInWithin.toSeconds() + " s: send the token as the first message");
            }
        }, signInWithin.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void onFrame(ChannelHandlerContext ctx, WebSocketFrame frame) {
        try {
            if (frame instanceof CloseWebSocketFrame) {
                ctx.close();
            } else if (frame instanceof PingWebSocketFrame) {
                ctx.writeAndFlush(new io.netty.handler.codec.http.websocketx.PongWebSocketFrame(frame.content().retain()));
            } else if (frame instanceof TextWebSocketFrame text && !signingIn && viewing == null) {
                signIn(ctx, text.text().strip());
            }
        } finally {
            ReferenceCountUtil.release(frame);
        }
    }

    private void signIn(ChannelHandlerContext ctx, String token) {
        signingIn = true;
        String what = "watch " + wsVehicle + "'s video";
        blocking.execute(() -> {
            String source = ConsoleAuth.sourceOf(ctx.channel().remoteAddress());
            ConsoleAuth.Outcome o = auth.requireWatcher(auth.fromToken(token, source, what), source, what);
            ctx.channel().eventLoop().execute(() -> {
                signingIn = false;
                if (o instanceof ConsoleAuth.Refused r) {
                    close(ctx, r.status() == 403 ? CLOSE_FORBIDDEN : CLOSE_UNAUTHENTICATED, r.reason());
                    return;
                }
                Optional<VehicleStream> stream = streams.stream(wsVehicle);
                if (stream.isEmpty()) {
                    close(ctx, CLOSE_NO_STREAM, "vehicle " + wsVehicle + " has no video stream");
                    return;
                }
                ctx.writeAndFlush(new TextWebSocketFrame(VideoJson.hello(((ConsoleAuth.Allowed) o).operator().subject())));
                ctx.channel().config().setWriteBufferWaterMark(VIDEO_WATER_MARK);
                VehicleStream s = stream.get();
                ctx.writeAndFlush(new TextWebSocketFrame(VideoJson.status(s.status().state().name(), s.status().error())));
                watch(ctx, s, new WebSocketViewer(ctx.channel()));
            });
        });
    }

    private void watch(ChannelHandlerContext ctx, VehicleStream stream, ViewerSink sink) {
        if (!ctx.channel().isActive()) {
            return;
        }
        viewing = stream.relay().add(sink);
        ctx.channel().closeFuture().addListener(f -> viewing.close());
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent && handshaker != null) {
            ctx.writeAndFlush(new PingWebSocketFrame()); // a stream that is down sends nothing: keep the socket open
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    /**
     * Closes from this handler down: a close that started at the pipeline's tail would pass the console's
     * WebSocket handler, which sends a second close frame of its own when it has not seen one.
     */
    private static void close(ChannelHandlerContext ctx, int code, String reason) {
        ctx.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(f -> ctx.close());
    }

    private static void json(ChannelHandlerContext ctx, FullHttpRequest request, String body) {
        FullHttpResponse r = full(200, "application/json", body);
        write(ctx, r, true);
    }

    private static void reply(ChannelHandlerContext ctx, FullHttpRequest request, int status, String message) {
        write(ctx, error(status, message), HttpUtil.isKeepAlive(request));
    }

    private static FullHttpResponse error(int status, String message) {
        return full(status, "application/json", "{\"error\":" + VideoJson.quote(message) + "}");
    }

    private static FullHttpResponse full(int status, String type, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                Unpooled.wrappedBuffer(bytes));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, type).setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length)
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        return r;
    }

    private static void write(ChannelHandlerContext ctx, FullHttpResponse r, boolean keepAlive) {
        HttpUtil.setKeepAlive(r, keepAlive);
        var f = ctx.writeAndFlush(r);
        if (!keepAlive) {
            f.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
