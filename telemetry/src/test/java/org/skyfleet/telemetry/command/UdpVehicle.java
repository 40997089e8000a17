package org.skyfleet.telemetry.command;

import io.dronefleet.mavlink.minimal.MavAutopilot;
import io.dronefleet.mavlink.minimal.MavType;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.skyfleet.telemetry.mavlink.FrameListener;
import org.skyfleet.telemetry.mavlink.MavlinkEncoder;
import org.skyfleet.telemetry.mavlink.MavlinkFrame;
import org.skyfleet.telemetry.mavlink.MavlinkFrameSplitter;
import org.skyfleet.telemetry.mavlink.MavlinkMessageCatalog;
import org.skyfleet.telemetry.mavlink.TestFrames;

/**
 * A vehicle on a real UDP socket for end-to-end tests and benchmarks: sends a PX4 quadrotor heartbeat every
 * second, decodes what the ground sends and hands it to its {@link VehiclePeer}s. Each direction can be delayed
 * by a fixed latency and lose a seeded share of datagrams (the first heartbeat always arrives). Everything runs
 * on the socket's event loop.
 */
public final class UdpVehicle implements AutoCloseable {
    private static final MavlinkMessageCatalog CATALOG = MavlinkMessageCatalog.standard();

    private final InetSocketAddress ground;
    private final List<VehiclePeer> peers;
    private final MavlinkEncoder encoder;
    private final MavlinkFrameSplitter splitter = new MavlinkFrameSplitter(CATALOG);
    private final long latencyNanos;
    private final double lossRatio;
    private final Random random;
    private final Channel channel;
    private final ScheduledFuture<?> heartbeats;
    private final VehiclePeer.Outbox outbox = new VehiclePeer.Outbox() {
        @Override
        public void send(Object payload) {
            sendLossy(encoder.encode(payload));
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable task, Duration delay) {
            return channel.eventLoop().schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    };
    private int dropped;

    private UdpVehicle(EventLoopGroup group, InetSocketAddress ground, int systemId, Duration latency, double lossRatio,
                       long seed, List<VehiclePeer> peers) throws InterruptedException {
        this.ground = ground;
        this.peers = peers;
        this.encoder = new MavlinkEncoder(CATALOG, systemId, 1);
        this.latencyNanos = latency.toNanos();
        this.lossRatio = lossRatio;
        this.random = new Random(seed);
        this.channel = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
                        onDatagram(packet);
                    }
                }).bind("127.0.0.1", 0).sync().channel();
        Object heartbeat = TestFrames.heartbeat(MavType.MAV_TYPE_QUADROTOR, MavAutopilot.MAV_AUTOPILOT_PX4, false);
        channel.eventLoop().execute(() -> write(encoder.encode(heartbeat)));
        heartbeats = channel.eventLoop().scheduleAtFixedRate(() -> sendLossy(encoder.encode(heartbeat)), 1, 1,
                TimeUnit.SECONDS);
    }

    /** Starts a vehicle talking to the ground station at {@code ground}. */
    public static UdpVehicle start(EventLoopGroup group, InetSocketAddress ground, int systemId, Duration oneWayLatency,
                                   double lossRatio, long seed, VehiclePeer... peers) throws InterruptedException {
        return new UdpVehicle(group, ground, systemId, oneWayLatency, lossRatio, seed, List.of(peers));
    }

    /** Datagrams lost on purpose so far, both directions; read it after the vehicle's loop is quiet. */
    public int dropped() {
        return dropped;
    }

    private void onDatagram(DatagramPacket packet) {
        List<MavlinkFrame> frames = new ArrayList<>();
        splitter.split(packet.content(), packet.sender(), frames, FrameListener.NONE);
        if (lost()) {
            return;
        }
        later(() -> {
            for (MavlinkFrame f : frames) {
                for (VehiclePeer p : peers) {
                    p.onFrame(f, outbox);
                }
            }
        });
    }

    private void sendLossy(byte[] frame) {
        if (!lost()) {
            later(() -> write(frame));
        }
    }

    private boolean lost() {
        if (lossRatio > 0 && random.nextDouble() < lossRatio) {
            dropped++;
            return true;
        }
        return false;
    }

    private void later(Runnable r) {
        if (latencyNanos == 0) {
            r.run();
        } else {
            channel.eventLoop().schedule(r, latencyNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void write(byte[] frame) {
        channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(frame), ground));
    }

    @Override
    public void close() {
        heartbeats.cancel(false);
        channel.close().syncUninterruptibly();
    }
}
