package org.skyfleet.simulator.video.rtsp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.rtsp.RtspEncoder;
import io.netty.handler.codec.rtsp.RtspHeaderNames;
import io.netty.handler.codec.rtsp.RtspMethods;
import io.netty.handler.codec.rtsp.RtspResponseStatuses;
import io.netty.handler.codec.rtsp.RtspVersions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * One RTSP client connection: DESCRIBE answers the camera's session description (with a control URL per
 * track), SETUP accepts RTP over TCP only (461 otherwise: a client then retries over TCP), PLAY starts the
 * interleaved RTP on channel 0, TEARDOWN stops it. Packets for a client whose connection is full are
 * dropped: a live picture recovers at the next keyframe, a queue would only grow.
 */
final class RtspSession extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final String TRACK = "trackID=0";

    private final Function<String, Optional<RtpSource>> sources;
    private final String sessionId = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    private RtpSource setUp;
    private AutoCloseable playing;

    RtspSession(Function<String, Optional<RtpSource>> sources) {
        this.sources = sources;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        String cseq = request.headers().get(RtspHeaderNames.CSEQ, "0");
        String path = pathOf(request.uri());
        String mount = path.endsWith("/" + TRACK) ? path.substring(0, path.length() - TRACK.length() - 1) : path;
        FullHttpResponse response;
        if (request.method().equals(RtspMethods.OPTIONS)) {
            response = reply(RtspResponseStatuses.OK, cseq);
            response.headers().set(RtspHeaderNames.PUBLIC, "OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN, GET_PARAMETER");
        } else if (request.method().equals(RtspMethods.DESCRIBE)) {
            response = describe(request, mount, cseq);
        } else if (request.method().equals(RtspMethods.SETUP)) {
            response = setup(request, mount, cseq);
        } else if (request.method().equals(RtspMethods.PLAY)) {
            response = play(ctx, cseq);
        } else if (request.method().equals(RtspMethods.TEARDOWN)) {
            stop();
            response = reply(RtspResponseStatuses.OK, cseq);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            return;
        } else if (request.method().equals(RtspMethods.GET_PARAMETER)) {
            response = reply(RtspResponseStatuses.OK, cseq); // a keep-alive
        } else {
            response = reply(RtspResponseStatuses.METHOD_NOT_ALLOWED, cseq);
        }
        if (response != null) {
            ctx.writeAndFlush(response);
        }
    }

    private FullHttpResponse describe(FullHttpRequest request, String mount, String cseq) {
        Optional<RtpSource> source = sources.apply(mount);
        if (source.isEmpty()) {
            return reply(RtspResponseStatuses.NOT_FOUND, cseq);
        }
        Optional<String> sdp = source.get().sdp();
        if (sdp.isEmpty()) {
            return reply(RtspResponseStatuses.SERVICE_UNAVAILABLE, cseq); // the camera's encoder has not started yet
        }
        StringBuilder body = new StringBuilder();
        for (String line : sdp.get().split("\r?\n")) {
            if (line.startsWith("c=")) {
                line = "c=IN IP4 0.0.0.0";
            } else if (line.startsWith("m=video")) {
                line = line.replaceFirst("m=video \\d+", "m=video 0");
            }
            if (!line.isBlank()) {
                body.append(line).append("\r\n");
            }
        }
        body.append("a=control:").append(TRACK).append("\r\n");
        FullHttpResponse r = reply(RtspResponseStatuses.OK, cseq, body.toString());
        r.headers().set(RtspHeaderNames.CONTENT_TYPE, "application/sdp")
                .set(RtspHeaderNames.CONTENT_BASE, request.uri().endsWith("/") ? request.uri() : request.uri() + "/");
        return r;
    }

    private FullHttpResponse setup(FullHttpRequest request, String mount, String cseq) {
        String transport = request.headers().get(RtspHeaderNames.TRANSPORT, "");
        Optional<RtpSource> source = sources.apply(mount);
        if (source.isEmpty()) {
            return reply(RtspResponseStatuses.NOT_FOUND, cseq);
        }
        if (!transport.contains("RTP/AVP/TCP")) {
            return reply(RtspResponseStatuses.UNSUPPORTED_TRANSPORT, cseq);
        }
        setUp = source.get();
        FullHttpResponse r = reply(RtspResponseStatuses.OK, cseq);
        r.headers().set(RtspHeaderNames.TRANSPORT, "RTP/AVP/TCP;unicast;interleaved=0-1").set(RtspHeaderNames.SESSION, sessionId);
        return r;
    }

    private FullHttpResponse play(ChannelHandlerContext ctx, String cseq) {
        if (setUp == null) {
            return reply(RtspResponseStatuses.METHOD_NOT_VALID, cseq);
        }
        FullHttpResponse r = reply(RtspResponseStatuses.OK, cseq);
        r.headers().set(RtspHeaderNames.SESSION, sessionId).set(RtspHeaderNames.RANGE, "npt=0.000-");
        ctx.writeAndFlush(r);
        stop();
        // interleaved frames go out below the RTSP encoder, straight to the socket
        ChannelHandlerContext raw = ctx.pipeline().context(RtspEncoder.class);
        playing = setUp.add(rtp -> {
            if (ctx.channel().isWritable()) {
                ByteBuf header = Unpooled.buffer(4).writeByte('$').writeByte(0).writeShort(rtp.length);
                raw.writeAndFlush(Unpooled.wrappedBuffer(header, Unpooled.wrappedBuffer(rtp)));
            }
        });
        return null;
    }

    private void stop() {
        if (playing != null) {
            try {
                playing.close();
            } catch (Exception ignored) {
                // a list removal
            }
            playing = null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        stop();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    private static String pathOf(String uri) {
        try {
            String p = URI.create(uri).getPath();
            return p == null ? "" : p;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static FullHttpResponse reply(HttpResponseStatus status, String cseq) {
        return reply(status, cseq, "");
    }

    private static FullHttpResponse reply(HttpResponseStatus status, String cseq, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse r = new DefaultFullHttpResponse(RtspVersions.RTSP_1_0, status, Unpooled.wrappedBuffer(bytes));
        r.headers().set(RtspHeaderNames.CSEQ, cseq).setInt(RtspHeaderNames.CONTENT_LENGTH, bytes.length)
                .set(RtspHeaderNames.SERVER, "SkyFleet simulated camera");
        return r;
    }
}
