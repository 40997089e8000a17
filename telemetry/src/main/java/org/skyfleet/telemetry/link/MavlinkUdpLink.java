package org.skyfleet.telemetry.link;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.skyfleet.fleet.vehicle.LinkClaims;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.telemetry.mavlink.MavlinkEncoder;
import org.skyfleet.telemetry.mavlink.MavlinkFrameSplitter;
import org.skyfleet.telemetry.mavlink.MavlinkMessageCatalog;

/**
 * One MAVLink UDP endpoint. All its vehicles are read, written and timed on the one event-loop thread
 * its channel is registered on, which makes that thread each vehicle's single writer. Several links
 * (ports) can share an event loop group and so spread vehicles over cores.
 */
public final class MavlinkUdpLink implements AutoCloseable {
    private static final int SOCKET_RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;

    private final LinkConfig config;
    private final Channel channel;
    private final MavlinkIngestHandler handler;

    private MavlinkUdpLink(LinkConfig config, Channel channel, MavlinkIngestHandler handler) {
        this.config = config;
        this.channel = channel;
        this.handler = handler;
    }

    /** Binds the endpoint and starts serving; returns once the socket is bound. */
    public static MavlinkUdpLink bind(LinkConfig config, EventLoopGroup group, VehicleRegistry registry,
                                      InstantSource clock, IngestMetrics metrics) throws InterruptedException {
        return bind(config, group, registry, clock, metrics, LinkGate.ALL);
    }

    /** Binds the endpoint, ingesting only the vehicles {@code gate} admits from the first datagram on. */
    public static MavlinkUdpLink bind(LinkConfig config, EventLoopGroup group, VehicleRegistry registry,
                                      InstantSource clock, IngestMetrics metrics, LinkGate gate) throws InterruptedException {
        MavlinkMessageCatalog catalog = MavlinkMessageCatalog.standard();
        MavlinkFrameSplitter splitter = new MavlinkFrameSplitter(catalog);
        MavlinkIngestHandler handler = new MavlinkIngestHandler(config, registry, clock, metrics,
                new MavlinkEncoder(catalog, config.gcsSystemId(), config.gcsComponentId()));
        handler.setGate(gate);
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioDatagramChannel.class)
                .option(ChannelOption.SO_RCVBUF, SOCKET_RECEIVE_BUFFER_BYTES)
                // One byte more than the limit, so that an oversize datagram is seen as such, not cut.
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(config.maxDatagramBytes() + 1))
                .option(ChannelOption.MAX_MESSAGES_PER_READ, 64)
                .handler(new ChannelInitializer<NioDatagramChannel>() {
                    @Override
                    protected void initChannel(NioDatagramChannel ch) {
                        ch.pipeline().addLast("mavlink-decoder",
                                new MavlinkDatagramDecoder(splitter, metrics, config, System::nanoTime));
                        if (!config.signingKeys().isEmpty()) {
                            ch.pipeline().addLast("mavlink-signing", new SignatureCheck(config.signingKeys(), metrics, clock));
                        }
                        ch.pipeline().addLast("mavlink-ingest", handler);
                    }
                });
        Channel channel = bootstrap.bind(config.bindHost(), config.port()).sync().channel();
        return new MavlinkUdpLink(config, channel, handler);
    }

    public LinkConfig config() {
        return config;
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** The event loop this link's channel runs on: the one thread its vehicles are read, written and timed on. */
    public EventLoop eventLoop() {
        return channel.eventLoop();
    }

    /**
     * The MAVLink system id of a vehicle bound to this link, or -1 if it is not bound here. Call it on the
     * link's thread ({@link #eventLoop()}), where the bindings live.
     *
     * @throws IllegalStateException when called from another thread
     */
    public int systemIdOf(String vehicleId) {
        if (!channel.eventLoop().inEventLoop()) {
            throw new IllegalStateException("systemIdOf must be called on the link's event loop");
        }
        return handler.systemIdOf(vehicleId);
    }

    /**
     * The address a claim on the vehicle is pending from ({@code host:port}), or null when none: while one is,
     * nothing is sent to the vehicle. Call it on the link's thread.
     *
     * @throws IllegalStateException when called from another thread
     */
    public String pendingClaimOf(String vehicleId) {
        if (!channel.eventLoop().inEventLoop()) {
            throw new IllegalStateException("pendingClaimOf must be called on the link's event loop");
        }
        return handler.pendingClaimOf(vehicleId);
    }

    /** The claims on this link's vehicles, confirmed on the link's thread. */
    public LinkClaims claims() {
        return (vehicleId, claimedPeer) -> {
            CompletableFuture<LinkClaims.Confirmation> done = new CompletableFuture<>();
            try {
                channel.eventLoop().execute(() -> done.complete(handler.confirmClaim(vehicleId, claimedPeer)));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                done.complete(new LinkClaims.Confirmation(LinkClaims.Outcome.NOT_ON_THIS_NODE, "", "link shut down"));
            }
            return done;
        };
    }

    /** Completes, on the link's event loop, when the link's channel has closed. */
    public ChannelFuture closeFuture() {
        return channel.closeFuture();
    }

    /** Observers see every valid frame from a bound vehicle, on the link's thread. */
    public void addObserver(FrameObserver observer) {
        handler.addObserver(observer);
    }

    /** Adds an observer of the frames of the link's vehicles' docks (see {@link DockObserver}). */
    public void addDockObserver(DockObserver observer) {
        handler.addDockObserver(observer);
    }

    /**
     * Sends payloads to a vehicle bound to this link, from the link's thread. Completes with false if
     * the vehicle is not bound here.
     */
    public CompletableFuture<Boolean> send(String vehicleId, List<Object> payloads) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        channel.eventLoop().execute(() -> {
            done.complete(handler.sendTo(vehicleId, payloads));
        });
        return done;
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
    }
}
