package org.skyfleet.app.video;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.skyfleet.video.mp4.InitSegment;
import org.skyfleet.video.relay.ViewerSink;

/**
 * A browser viewing over a WebSocket: a text message {@code {"t":"init","mime":...,"widthPx":...}} before each
 * init segment (so the page can open a Media Source for that codec), then binary messages, init segment
 * and fragments; a text {@code {"t":"status",...}} when the stream stalls or fails.
 */
final class WebSocketViewer implements ViewerSink {
    private final Channel channel;

    WebSocketViewer(Channel channel) {
        this.channel = channel;
    }

    @Override
    public boolean writable() {
        return channel.isWritable();
    }

    @Override
    public void sendInit(InitSegment init) {
        channel.write(new TextWebSocketFrame(VideoJson.init(init)));
        channel.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(init.bytes())));
    }

    @Override
    public void sendFragment(byte[] bytes) {
        channel.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(bytes)));
    }

    @Override
    public void sendStatus(String state, String reason) {
        channel.writeAndFlush(new TextWebSocketFrame(VideoJson.status(state, reason)));
    }
}
