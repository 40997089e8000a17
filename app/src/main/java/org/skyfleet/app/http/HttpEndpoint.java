package org.skyfleet.app.http;

import org.skyfleet.server.http.HttpHandler;
import org.skyfleet.server.http.HttpReply;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A small HTTP/1.1 server: {@code GET /metrics} (Prometheus text format), {@code GET /healthz}, the
 * POST routes it is given (the incident webhook), and whatever handlers are put in front (the console).
 *
 * <p>What a client may send is bounded: a request line of 4 KiB (414 beyond), headers of 8 KiB (431), a
 * request of 64 KiB (413); anything the codec cannot decode is 400; each of these closes the connection and
 * is never routed. A request head must be complete within {@link HttpLimits#requestHead()} (408 and closed),
 * and a connection idle for {@link HttpLimits#idle()} is closed. Anything else is 404 or 405.
 */
public final class HttpEndpoint implements AutoCloseable {
    private static final int MAX_REQUEST_BYTES = 64 * 1024;
    private static final int MAX_REQUEST_LINE_BYTES = 4 * 1024;
    private static final int MAX_HEADER_BYTES = 8 * 1024;
    /** How long a connection refused mid-request goes on reading (and discarding) before it is closed. */
    private static final long LINGER_MILLIS = 2_000;

    private final Channel channel;

    private HttpEndpoint(Channel channel) {
        this.channel = channel;
    }

    public static HttpEndpoint bind(String host, int port, EventLoopGroup group, Supplier<String> metrics,
                                    Supplier<Boolean> healthy) throws InterruptedException {
        return bind(host, port, group, metrics, healthy, Map.of(), Runnable::run);
    }

    /** As above, with POST handlers by exact path, run on {@code handlers} (not the event loop). */
    public static HttpEndpoint bind(String host, int port, EventLoopGroup group, Supplier<String> metrics,
                                    Supplier<Boolean> healthy, Map<String, HttpHandler> posts,
                                    java.util.concurrent.Executor handlers) throws InterruptedException {
        return bind(host, port, group, metrics, healthy, posts, handlers, HttpLimits.defaults(), pipeline -> { });
    }

    /**
     * As above, with {@code front} adding handlers of its own (the console) between the HTTP codec and
     * these routes; they pass on what they do not serve. Connections are held to {@code limits}.
     */
    public static HttpEndpoint bind(String host, int port, EventLoopGroup group, Supplier<String> metrics,
                                    Supplier<Boolean> healthy, Map<String, HttpHandler> posts,
                                    java.util.concurrent.Executor handlers, HttpLimits limits,
                                    java.util.function.Consumer<io.netty.channel.ChannelPipeline> front)
            throws InterruptedException {
        return bind(host, port, group, metrics, healthy, posts, handlers, limits, front, null);
    }

    /**
     * As above, speaking TLS with {@code tls} ({@link HttpTls}) before anything else: a client that speaks plain
     * HTTP to the port gets its connection closed. Null: plain HTTP.
     */
    public static HttpEndpoint bind(String host, int port, EventLoopGroup group, Supplier<String> metrics,
                                    Supplier<Boolean> healthy, Map<String, HttpHandler> posts,
                                    java.util.concurrent.Executor handlers, HttpLimits limits,
                                    java.util.function.Consumer<io.netty.channel.ChannelPipeline> front,
                                    io.netty.handler.ssl.SslContext tls)
            throws InterruptedException {
        ServerBootstrap b = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        RequestHeadDeadline deadline = new RequestHeadDeadline(limits.requestHead());
                        if (tls != null) {
                            ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                        }
                        ch.pipeline().addLast(
                                new IdleStateHandler(0, 0, limits.idle().toNanos(), TimeUnit.NANOSECONDS),
                                deadline.bytes(),
                                new HttpServerCodec(new HttpDecoderConfig().setMaxInitialLineLength(MAX_REQUEST_LINE_BYTES)
                                        .setMaxHeaderSize(MAX_HEADER_BYTES)),
                                deadline.messages(),
                                new UndecodableRequests(),
                                new HttpObjectAggregator(MAX_REQUEST_BYTES));
                        front.accept(ch.pipeline());
                        ch.pipeline().addLast(new Routes(metrics, healthy, Map.copyOf(posts), handlers));
                    }
                });
        return new HttpEndpoint(b.bind(host, port).sync().channel());
    }

    /**
     * Answers in plain text and closes the connection: output shut first, so the client reads the answer and
     * an end of stream, and the socket closed a moment later, so that what the client was still sending
     * (the rest of an oversized head, which the codec discards) does not turn the close into a reset that
     * could destroy the answer before the client reads it.
     */
    static void answerAndClose(ChannelHandlerContext ctx, HttpResponseStatus status, String body) {
        FullHttpResponse r = Routes.text(status, body, "text/plain; charset=utf-8");
        HttpUtil.setKeepAlive(r, false);
        ctx.writeAndFlush(r).addListener(f -> {
            if (ctx.channel() instanceof SocketChannel socket && f.isSuccess()) {
                socket.shutdownOutput();
                ctx.executor().schedule(() -> ctx.close(), LINGER_MILLIS, TimeUnit.MILLISECONDS);
            } else {
                ctx.close();
            }
        });
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
    }

    private static final class Routes extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final Supplier<String> metrics;
        private final Supplier<Boolean> healthy;
        private final Map<String, HttpHandler> posts;
        private final java.util.concurrent.Executor handlers;

        Routes(Supplier<String> metrics, Supplier<Boolean> healthy, Map<String, HttpHandler> posts,
               java.util.concurrent.Executor handlers) {
            this.metrics = metrics;
            this.healthy = healthy;
            this.posts = posts;
            this.handlers = handlers;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            String path = request.uri().split("\\?", 2)[0];
            FullHttpResponse response;
            HttpHandler post = posts.get(path);
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            if (post != null && request.method().equals(HttpMethod.POST)) {
                byte[] body = new byte[request.content().readableBytes()];
                request.content().readBytes(body);
                var headers = request.headers().copy();
                // A handler may write to the store: it runs off the event loop, which keeps serving /metrics.
                handlers.execute(() -> {
                    HttpReply reply;
                    try {
                        reply = post.handle(headers, body);
                    } catch (RuntimeException e) {
                        reply = HttpReply.error(500, "internal", String.valueOf(e.getMessage()));
                    }
                    FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                            HttpResponseStatus.valueOf(reply.status()), Unpooled.wrappedBuffer(reply.body()));
                    r.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
                    r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, reply.body().length);
                    respond(ctx, r, keepAlive);
                });
                return;
            } else if (post != null) {
                response = text(HttpResponseStatus.METHOD_NOT_ALLOWED, "only POST\n", "text/plain");
            } else if (!request.method().equals(HttpMethod.GET)) {
                response = text(HttpResponseStatus.METHOD_NOT_ALLOWED, "only GET\n", "text/plain");
            } else if (path.equals("/metrics")) {
                response = text(HttpResponseStatus.OK, metrics.get(), "text/plain; version=0.0.4; charset=utf-8");
            } else if (path.equals("/healthz")) {
                boolean ok = healthy.get();
                response = text(ok ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE,
                        ok ? "ok\n" : "unavailable\n", "text/plain");
            } else {
                response = text(HttpResponseStatus.NOT_FOUND, "not found: " + path + "\n", "text/plain");
            }
            respond(ctx, response, keepAlive);
        }

        private static void respond(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
            HttpUtil.setKeepAlive(response, keepAlive);
            var future = ctx.writeAndFlush(response);
            if (!keepAlive) {
                future.addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }

        private static FullHttpResponse text(HttpResponseStatus status, String body, String contentType) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
            r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
            return r;
        }
    }
}
