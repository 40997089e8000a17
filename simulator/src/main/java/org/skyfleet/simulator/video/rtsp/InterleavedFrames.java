package org.skyfleet.simulator.video.rtsp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Takes the client's interleaved binary frames ({@code $}, channel, 16-bit length, data: its RTCP receiver
 * reports) out of the RTSP connection before the RTSP decoder, which reads only text requests.
 */
final class InterleavedFrames extends ByteToMessageDecoder {
    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            if (in.getByte(in.readerIndex()) == '$') {
                if (in.readableBytes() < 4) {
                    return;
                }
                int length = in.getUnsignedShort(in.readerIndex() + 2);
                if (in.readableBytes() < 4 + length) {
                    return;
                }
                in.skipBytes(4 + length);
            } else {
                int dollar = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '$');
                int end = dollar < 0 ? in.writerIndex() : dollar;
                out.add(in.readRetainedSlice(end - in.readerIndex()));
            }
        }
    }
}
