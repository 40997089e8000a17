package org.skyfleet.app.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One connection's deadline for a request head (slow-loris: a client that opens connections and sends a
 * head a byte at a time holds them for ever otherwise), and its idle timeout.
 *
 * <p>The deadline runs whenever the server waits for a head: from the connection opening, and from the
 * moment the last request has been read and answered. A request head (decoded by the codec) stops it. When
 * it passes, the connection is answered 408 and closed if any byte came since it started, closed quietly
 * if none did (a kept-alive connection nobody uses). It does not run while a request is read or answered
 * (a slow gRPC call behind the console's bridge), nor once the connection is a WebSocket.
 *
 * <p>Two handlers share the state: {@link #bytes()} before the HTTP codec counts what arrives,
 * {@link #messages()} after it sees request heads and responses, answers the 408, and closes a connection
 * that is idle (an {@link IdleStateEvent} from the handler before) unless it is a WebSocket, whose handler
 * gets the event instead.
 */
final class RequestHeadDeadline {
    private final long limitNanos;
    private ScheduledFuture<?> timer;
    private long bytesRead;
    private long bytesWhenArmed;
    private int unanswered;
    private boolean readingRequest;
    private boolean upgraded;
    private boolean refused;

    RequestHeadDeadline(Duration limit) {
        this.limitNanos = limit.toNanos();
    }

    /** Goes before the HTTP codec. */
    ChannelHandler bytes() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof ByteBuf b) {
                    bytesRead += b.readableBytes();
                }
                ctx.fireChannelRead(msg);
            }
        };
    }

    /** Goes right after the HTTP codec. */
    ChannelHandler messages() {
        return new ChannelDuplexHandler() {
            @Override
            public void channelActive(ChannelHandlerContext ctx) throws Exception {
                arm(ctx);
                super.channelActive(ctx);
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (refused) {
                    ReferenceCountUtil.release(msg); // answered 408: the rest of the head is not served
                    return;
                }
                if (msg instanceof HttpRequest) {
                    disarm();
                    unanswered++;
                    readingRequest = !(msg instanceof LastHttpContent);
                } else if (msg instanceof LastHttpContent) {
                    readingRequest = false;
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                if (msg instanceof HttpResponse r && r.status().equals(HttpResponseStatus.SWITCHING_PROTOCOLS)) {
                    upgraded = true;
                    disarm();
                } else if (msg instanceof LastHttpContent && !informational(msg) && !upgraded) {
                    unanswered = Math.max(0, unanswered - 1);
                    if (unanswered == 0 && !readingRequest) {
                        arm(ctx);
                    }
                }
                ctx.write(msg, promise);
            }

            @Override
            public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
                if (evt instanceof IdleStateEvent && !upgraded) {
                    ctx.close();
                    return;
                }
                super.userEventTriggered(ctx, evt);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) throws Exception {
                disarm();
                super.channelInactive(ctx);
            }
        };
    }

    private static boolean informational(Object msg) {
        return msg instanceof HttpResponse r && r.status().codeClass() == io.netty.handler.codec.http.HttpStatusClass.INFORMATIONAL;
    }

    private void arm(ChannelHandlerContext ctx) {
        disarm();
        bytesWhenArmed = bytesRead;
        timer = ctx.executor().schedule(() -> expire(ctx), limitNanos, TimeUnit.NANOSECONDS);
    }

    private void disarm() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void expire(ChannelHandlerContext ctx) {
        timer = null;
        if (!ctx.channel().isActive()) {
            return;
        }
        if (bytesRead == bytesWhenArmed) {
            ctx.close();
            return;
        }
        refused = true;
        HttpEndpoint.answerAndClose(ctx, HttpResponseStatus.REQUEST_TIMEOUT, "request head not complete in time\n");
    }
}
