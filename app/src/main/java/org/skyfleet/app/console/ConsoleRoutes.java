package org.skyfleet.app.console;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.skyfleet.fleet.control.Operator.Role;
import org.skyfleet.server.http.HttpReply;

/**
 * The console's HTTP routes, ahead of the metrics/health/webhook routes: {@code /} and {@code /console}
 * redirect to the page, static files, the settings, who am I, acknowledging an alert, and the JSON bridge
 * to gRPC. Anything else passes down the pipeline untouched. Every answer carries the console's security
 * headers ({@link ResponseHeaders}).
 */
final class ConsoleRoutes extends SimpleChannelInboundHandler<FullHttpRequest> {
    static final String SETTINGS = "/api/v1/console/settings";
    static final String WHOAMI = "/api/v1/console/whoami";
    private static final Pattern ACK = Pattern.compile("/api/v1/console/alerts/(\\d{1,18})/ack");

    private final StaticFiles files;
    private final ConsoleAuth auth;
    private final AlertLog alerts;
    private final RpcBridge rpc;
    private final String settingsJson;
    private final Executor blocking;
    private final ResponseHeaders headers;

    /** @param blocking where sign-in checks and acknowledgements run: they write the audit journal, which may block */
    ConsoleRoutes(StaticFiles files, ConsoleAuth auth, AlertLog alerts, RpcBridge rpc, String settingsJson,
                  Executor blocking, ResponseHeaders headers) {
        super(false);
        this.headers = headers;
        this.blocking = blocking;
        this.files = files;
        this.auth = auth;
        this.alerts = alerts;
        this.rpc = rpc;
        this.settingsJson = settingsJson;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        String path = request.uri().split("\\?", 2)[0];
        boolean get = request.method().equals(HttpMethod.GET) || request.method().equals(HttpMethod.HEAD);
        boolean post = request.method().equals(HttpMethod.POST);
        Matcher ack = ACK.matcher(path);
        try {
            if (path.equals("/") || path.equals("/console")) {
                respond(ctx, request, redirect("/console/"));
            } else if (files.covers(path)) {
                if (!get) {
                    respond(ctx, request, reply(HttpReply.error(405, "method_not_allowed", "only GET")));
                } else {
                    respond(ctx, request, files.find(path)
                            .map(f -> reply(new HttpReply(200, f.contentType(), f.body())))
                            .orElseGet(() -> reply(HttpReply.error(404, "not_found", "no such file: " + path))));
                }
            } else if (path.equals(SETTINGS) && get) {
                respond(ctx, request, reply(HttpReply.json(200, settingsJson)));
            } else if (path.equals(WHOAMI) && get) {
                offLoop(ctx, request, () -> {
                    ConsoleAuth.Outcome o = auth.requireWatcher(auth.fromHeader(header(request), source(ctx), "sign in to the console"),
                            source(ctx), "sign in to the console");
                    return CompletableFuture.completedFuture(o instanceof ConsoleAuth.Allowed a
                            ? HttpReply.json(200, new JsonObject().str("subject", a.operator().subject())
                                    .str("role", a.operator().role().name().toLowerCase(Locale.ROOT)).end())
                            : refusal(o));
                });
            } else if (ack.matches() && post) {
                long id = Long.parseLong(ack.group(1));
                offLoop(ctx, request, () -> CompletableFuture.completedFuture(acknowledge(request, source(ctx), id)));
            } else if (path.startsWith(RpcBridge.PREFIX) && post) {
                String method = path.substring(RpcBridge.PREFIX.length());
                offLoop(ctx, request, () -> bridge(request, source(ctx), method));
            } else {
                ctx.fireChannelRead(request.retain());
            }
        } finally {
            request.release();
        }
    }

    private static String source(ChannelHandlerContext ctx) {
        return ConsoleAuth.sourceOf(ctx.channel().remoteAddress());
    }

    private HttpReply acknowledge(FullHttpRequest request, String source, long id) {
        String what = "acknowledge alert " + id;
        ConsoleAuth.Outcome o = auth.requireRole(auth.fromHeader(header(request), source, what), source, what,
                Role.COMMANDER, Role.PILOT, Role.DISPATCHER);
        if (!(o instanceof ConsoleAuth.Allowed a)) {
            return refusal(o);
        }
        return alerts.acknowledge(a.operator(), id)
                .map(alert -> HttpReply.json(200, alert.json()))
                .orElseGet(() -> HttpReply.error(404, "not_found", "no alert " + id + " (it may have aged out)"));
    }

    private CompletableFuture<HttpReply> bridge(FullHttpRequest request, String source, String method) {
        String what = "call " + method;
        ConsoleAuth.Outcome o = auth.fromHeader(header(request), source, what);
        if (o instanceof ConsoleAuth.Allowed && !rpc.opens(method)) {
            return CompletableFuture.completedFuture(HttpReply.error(404, "not_found", "the console cannot call " + method));
        }
        // the bridge opens a method to exactly the roles the gRPC role table gives it: no second table here
        o = auth.requireRole(o, source, what, org.skyfleet.server.grpc.RpcRoles.of(method).orElse(java.util.Set.of())
                .toArray(Role[]::new));
        if (!(o instanceof ConsoleAuth.Allowed)) {
            return CompletableFuture.completedFuture(refusal(o));
        }
        byte[] body = new byte[request.content().readableBytes()];
        request.content().getBytes(request.content().readerIndex(), body);
        return rpc.call(method, header(request).substring(7).strip(), body);
    }

    /**
     * Answers on {@code blocking}, not the event loop, which keeps serving files and the live feed. The
     * request is held until the answer is written.
     */
    private void offLoop(ChannelHandlerContext ctx, FullHttpRequest request,
                         Supplier<CompletableFuture<HttpReply>> answer) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        request.retain();
        CompletableFuture.supplyAsync(answer, blocking).thenCompose(f -> f).whenComplete((r, e) -> {
            request.release();
            write(ctx, reply(r != null ? r : HttpReply.error(500, "internal", String.valueOf(e))), keepAlive);
        });
    }

    private static String header(FullHttpRequest request) {
        return request.headers().get(HttpHeaderNames.AUTHORIZATION);
    }

    private static HttpReply refusal(ConsoleAuth.Outcome o) {
        ConsoleAuth.Refused r = (ConsoleAuth.Refused) o;
        return HttpReply.error(r.status(), r.status() == 401 ? "unauthenticated" : "permission_denied", r.reason());
    }

    private static FullHttpResponse reply(HttpReply r) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(r.status()),
                Unpooled.wrappedBuffer(r.body()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, r.contentType());
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, r.body().length);
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
        return response;
    }

    private static FullHttpResponse redirect(String to) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.FOUND);
        response.headers().set(HttpHeaderNames.LOCATION, to);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        return response;
    }

    private void respond(ChannelHandlerContext ctx, FullHttpRequest request, FullHttpResponse response) {
        if (request.method().equals(HttpMethod.HEAD)) {
            response.content().clear();
        }
        write(ctx, response, HttpUtil.isKeepAlive(request));
    }

    private void write(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        headers.addTo(response.headers());
        HttpUtil.setKeepAlive(response, keepAlive);
        var f = ctx.writeAndFlush(response);
        if (!keepAlive) {
            f.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
