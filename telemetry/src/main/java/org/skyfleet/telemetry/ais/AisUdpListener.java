package org.skyfleet.telemetry.ais;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.function.Consumer;

/**
 * AIS over UDP, as receivers and AIS-catcher/rtl-ais forward it: each datagram holds one or more sentences,
 * one a line. Port 10110 is the usual NMEA-over-UDP port. Fragments are reassembled per sender address.
 * Read on one event-loop thread, so the sink is called from one thread.
 */
public final class AisUdpListener implements AutoCloseable {
    public static final int DEFAULT_PORT = 10110;
    /** A receiver batches a few sentences per datagram; 64 KiB holds any UDP datagram. */
    private static final int MAX_DATAGRAM_BYTES = 65_507;
    private static final int SOCKET_RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;

    private final Channel channel;

    private AisUdpListener(Channel channel) {
        this.channel = channel;
    }

    /** Binds {@code host:port} (0 for a free port) and starts reading. */
    public static AisUdpListener bind(String host, int port, EventLoopGroup group, AisIngestMetrics metrics,
                                      InstantSource clock, Consumer<AisMessage> sink) throws InterruptedException {
        AisSentenceReader reader = new AisSentenceReader(metrics, clock, sink);
        Channel channel = new Bootstrap()
                .group(group)
                .channel(NioDatagramChannel.class)
                .option(ChannelOption.SO_RCVBUF, SOCKET_RECEIVE_BUFFER_BYTES)
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM_BYTES))
                .handler(new ChannelInitializer<NioDatagramChannel>() {
                    @Override
                    protected void initChannel(NioDatagramChannel ch) {
                        ch.pipeline().addLast("ais-datagram", new DatagramLines(reader));
                    }
                })
                .bind(host, port).sync().channel();
        return new AisUdpListener(channel);
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
    }

    /** Splits a datagram into lines for the reader; never closes the channel for bad input. */
    private static final class DatagramLines extends SimpleChannelInboundHandler<DatagramPacket> {
        private final AisSentenceReader reader;

        DatagramLines(AisSentenceReader reader) {
            this.reader = reader;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            String text = packet.content().toString(StandardCharsets.US_ASCII);
            InetSocketAddress sender = packet.sender();
            for (String line : text.split("\r?\n")) {
                reader.read(sender, line);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // a datagram channel has no peer to lose: keep reading
        }
    }
}
