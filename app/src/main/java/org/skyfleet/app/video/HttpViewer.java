package org.skyfleet.app.video;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import org.skyfleet.video.mp4.InitSegment;
import org.skyfleet.video.relay.ViewerSink;

/**
 * A tool viewing over HTTP: one chunked response of fragmented MP4 that lasts as long as the connection;
 * when the stream stops the connection is closed, so the tool sees the end.
 */
final class HttpViewer implements ViewerSink {
    private final ChannelHandlerContext ctx;
    private final Channel channel;

    HttpViewer(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.channel = ctx.channel();
    }

    @Override
    public boolean writable() {
        return channel.isWritable();
    }

    @Override
    public void sendInit(InitSegment init) {
        channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(init.bytes())));
    }

    @Override
    public void sendFragment(byte[] bytes) {
        channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(bytes)));
    }

    @Override
    public void sendStatus(String state, String reason) {
        ctx.close(); // from the video handler down, past nothing that would add to an HTTP stream
    }
}
