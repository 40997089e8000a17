package org.skyfleet.simulator.video.rtsp;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.rtsp.RtspDecoder;
import io.netty.handler.codec.rtsp.RtspEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.skyfleet.simulator.video.H264Encoder;
import org.skyfleet.simulator.video.Publication;

/**
 * The simulated cameras' RTSP server: one port for every camera, each at rtsp://host:port/live/{vehicle id}
 * (a PX4 camera serves rtsp://camera:8554/live). Bound to {@code host}, port 0 for any free one.
 */
public final class RtspCameraServer implements AutoCloseable {
    private static final String MOUNT = "/live/";

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Map<String, RtpSource> sources = new ConcurrentHashMap<>();
    private final Channel channel;
    private final String host;

    public RtspCameraServer(String host, int port) throws InterruptedException {
        this.host = host;
        this.channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new RtspEncoder(), new InterleavedFrames(), new RtspDecoder(),
                                new HttpObjectAggregator(64 * 1024), new RtspSession(path -> Optional.ofNullable(sources.get(path))));
                    }
                }).bind(host, port).sync().channel();
    }

    /** Mounts a camera: its encoder sends RTP to the returned publication's output; viewers open its URL. */
    public Publication mount(String vehicleId) {
        try {
            RtpSource source = new RtpSource(vehicleId);
            RtpSource old = sources.put(MOUNT + vehicleId, source);
            if (old != null) {
                old.close();
            }
            return new Publication(url(vehicleId), H264Encoder.rtp(source.port(), source.sdpFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open an RTP port for " + vehicleId, e);
        }
    }

    public String url(String vehicleId) {
        return "rtsp://" + host + ":" + port() + MOUNT + vehicleId;
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        sources.values().forEach(RtpSource::close);
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
