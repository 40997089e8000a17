package org.skyfleet.app.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;

/**
 * Stops what the HTTP codec could not decode before anything routes it: headers over the limit are 431, a
 * request line over the limit 414, anything else the codec refused (a malformed line, header or chunk) 400.
 * The connection is closed after the answer: the codec discards the rest of its input from then on.
 */
final class UndecodableRequests extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof HttpObject o) || o.decoderResult().isSuccess()) {
            ctx.fireChannelRead(msg);
            return;
        }
        HttpResponseStatus status = status(o.decoderResult().cause());
        ReferenceCountUtil.release(msg);
        // the cause's message may quote the request: not echoed
        HttpEndpoint.answerAndClose(ctx, status, status.reasonPhrase() + "\n");
    }

    static HttpResponseStatus status(Throwable cause) {
        if (cause instanceof TooLongHttpHeaderException) {
            return HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
        }
        if (cause instanceof TooLongHttpLineException) {
            return HttpResponseStatus.REQUEST_URI_TOO_LONG;
        }
        return HttpResponseStatus.BAD_REQUEST;
    }
}
