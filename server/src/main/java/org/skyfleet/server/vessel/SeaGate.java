package org.skyfleet.server.vessel;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.skyfleet.fleet.store.PositionHistoryStore;
import org.skyfleet.fleet.vessel.SeaGateRules;
import org.skyfleet.fleet.vessel.VesselRegistry;
import org.skyfleet.server.grpc.VesselGrpcService;
import org.skyfleet.telemetry.ais.AisIngestMetrics;
import org.skyfleet.telemetry.ais.AisTcpFeed;
import org.skyfleet.telemetry.ais.AisUdpListener;
import org.skyfleet.telemetry.ais.AisVessels;
import org.skyfleet.telemetry.fanout.FanoutMetrics;
import org.skyfleet.telemetry.fanout.VesselFanout;

/**
 * The sea gate of one node, opened in one piece: the vessel registry with the port's fleet register, AIS
 * ingest (UDP and TCP feeds) into it, the vessel stream's fan-out, the track recorder and the gRPC service.
 * AIS is per node: in a cluster, point the receivers at one node.
 */
public final class SeaGate implements AutoCloseable {
    /** Vessels silent this long are forgotten (a boat in port for a day switches its AIS off). */
    static final Duration FORGET_AFTER = Duration.ofHours(24);
    private static final Duration TCP_MIN_BACKOFF = Duration.ofSeconds(1);
    private static final Duration TCP_MAX_BACKOFF = Duration.ofSeconds(30);

    private final VesselRegistry registry;
    private final AisIngestMetrics metrics;
    private final VesselFanout<byte[]> fanout;
    private final VesselRecorder recorder;
    private final AisUdpListener udp;
    private final List<AisTcpFeed> feeds = new ArrayList<>();
    private final VesselGrpcService service;
    private volatile SeaGateWatch watch;

    public SeaGate(SeaGateConfig config, EventLoopGroup group, Executor fanoutExecutor, ScheduledExecutorService timer,
                   PositionHistoryStore tracks, MeterRegistry meters, InstantSource clock) throws InterruptedException {
        registry = new VesselRegistry(config.maxVessels());
        registry.setPortFleet(config.portFleet());
        metrics = new AisIngestMetrics(meters);
        Gauge.builder("skyfleet.vessels", registry, VesselRegistry::size).description("vessels heard").register(meters);
        Gauge.builder("skyfleet.vessels.refused", registry, VesselRegistry::refusedCount)
                .description("new MMSIs refused while the vessel registry was full").register(meters);
        fanout = new VesselFanout<>(registry, v -> VesselGrpcService.encode(v, clock), fanoutExecutor, timer,
                new FanoutMetrics(meters, "vessels"));
        recorder = new VesselRecorder(registry, tracks, timer, meters);
        timer.scheduleWithFixedDelay(() -> registry.forgetSilentSince(clock.instant().minus(FORGET_AFTER)), 1, 1, TimeUnit.MINUTES);
        AisVessels sink = new AisVessels(registry, clock);
        udp = config.udpPort() < 0 ? null : AisUdpListener.bind(config.udpHost(), config.udpPort(), group, metrics, clock, sink);
        for (InetSocketAddress feed : config.tcpFeeds()) {
            feeds.add(AisTcpFeed.connect(feed, group, TCP_MIN_BACKOFF, TCP_MAX_BACKOFF, metrics, clock, sink));
        }
        service = new VesselGrpcService(registry, fanout, tracks, clock, () -> watch);
    }

    /** Starts the sea gate's rules: after the records and the vehicles' commands exist. */
    public SeaGateWatch watch(SeaGateWatch.Context context, SeaGateRules.Limits limits) {
        if (watch != null) {
            throw new IllegalStateException("the sea gate's rules already run");
        }
        watch = new SeaGateWatch(context, registry, limits);
        return watch;
    }

    /** The rules, null before {@link #watch} started them. */
    public SeaGateWatch watch() {
        return watch;
    }

    public VesselRegistry registry() {
        return registry;
    }

    public AisIngestMetrics aisMetrics() {
        return metrics;
    }

    public VesselFanout<byte[]> fanout() {
        return fanout;
    }

    public VesselGrpcService grpcService() {
        return service;
    }

    /** Where AIS UDP is read, or null if it is not. */
    public InetSocketAddress aisUdpAddress() {
        return udp == null ? null : udp.localAddress();
    }

    @Override
    public void close() throws Exception {
        if (watch != null) {
            watch.close();
        }
        feeds.forEach(AisTcpFeed::close);
        if (udp != null) {
            udp.close();
        }
        recorder.close();
        fanout.close();
    }
}
