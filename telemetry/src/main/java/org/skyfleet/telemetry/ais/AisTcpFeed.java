package org.skyfleet.telemetry.ais;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.string.StringDecoder;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * AIS as a TCP client of a receiver or aggregator that serves NMEA lines (AIS-catcher, an AIS dispatcher, a
 * shore station). The connection is kept: when it fails or drops, the feed reconnects after a backoff that
 * doubles from {@code minBackoff} to {@code maxBackoff} and starts again from the minimum once a connection
 * has delivered a line. An overlong line (no line end within 1 KiB) is dropped, not fatal.
 */
public final class AisTcpFeed implements AutoCloseable {
    private static final int MAX_LINE_BYTES = 1024;

    private final InetSocketAddress server;
    private final EventLoopGroup group;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final AisSentenceReader reader;
    private final AtomicInteger connections = new AtomicInteger();
    private volatile Duration backoff;
    private volatile Channel channel;
    private volatile boolean closed;

    private AisTcpFeed(InetSocketAddress server, EventLoopGroup group, Duration minBackoff, Duration maxBackoff,
                       AisSentenceReader reader) {
        this.server = server;
        this.group = group;
        this.minBackoff = minBackoff;
        this.maxBackoff = maxBackoff;
        this.backoff = minBackoff;
        this.reader = reader;
    }

    /** Starts connecting to {@code server}; returns at once (the first connection may still be under way or failing). */
    public static AisTcpFeed connect(InetSocketAddress server, EventLoopGroup group, Duration minBackoff, Duration maxBackoff,
                                     AisIngestMetrics metrics, InstantSource clock, Consumer<AisMessage> sink) {
        if (minBackoff.isNegative() || minBackoff.isZero() || maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("backoff must be 0 < min <= max, got " + minBackoff + ".." + maxBackoff);
        }
        AisTcpFeed feed = new AisTcpFeed(server, group, minBackoff, maxBackoff, new AisSentenceReader(metrics, clock, sink));
        feed.attempt();
        return feed;
    }

    /** Connections made so far (1 after the first, more after reconnects). */
    public int connections() {
        return connections.get();
    }

    public boolean isConnected() {
        Channel c = channel;
        return c != null && c.isActive();
    }

    private void attempt() {
        if (closed) {
            return;
        }
        ChannelFuture f = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast("ais-lines", new LineBasedFrameDecoder(MAX_LINE_BYTES, true, false))
                                .addLast("ais-ascii", new StringDecoder(StandardCharsets.US_ASCII))
                                .addLast("ais-reader", new Lines());
                    }
                })
                .connect(server);
        f.addListener((ChannelFuture done) -> {
            if (!done.isSuccess()) {
                retryLater();
                return;
            }
            channel = done.channel();
            connections.incrementAndGet();
            done.channel().closeFuture().addListener(c -> retryLater());
            if (closed) {
                done.channel().close();
            }
        });
    }

    private void retryLater() {
        if (closed) {
            return;
        }
        Duration wait = backoff;
        Duration doubled = wait.multipliedBy(2);
        backoff = doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
        group.next().schedule(this::attempt, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closed = true;
        Channel c = channel;
        if (c != null) {
            c.close().syncUninterruptibly();
        }
    }

    private final class Lines extends SimpleChannelInboundHandler<String> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, String line) {
            backoff = minBackoff; // this connection works: the next drop is retried quickly
            reader.read(server, line);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // TooLongFrameException: the line is discarded by the decoder, the connection carries on;
            // an I/O error closes the channel and the close listener reconnects
            if (cause instanceof TooLongFrameException) {
                reader.overlongLine();
            } else {
                ctx.close();
            }
        }
    }
}
