package org.skyfleet.bench;

import io.micrometer.core.instrument.Counter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.skyfleet.fleet.store.InMemoryStore;
import org.skyfleet.server.automation.AutomationConfig;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.cluster.ClusterConfig;

/**
 * One telemetry load run: a real server, V vehicles' MAVLink over loopback UDP, S gRPC subscribers,
 * all in this process, so the figures include the load generator and the clients competing for the
 * same cores, as they would on a single machine.
 */
final class TelemetryBench {
    /** The load generator is one host speaking for the whole fleet: the bench measures ingest, not one source's budget. */
    private static final double ONE_HOST_FLEET = 1e7;
    private static final String HOST = "127.0.0.1";

    private TelemetryBench() {
    }

    static TelemetryBenchResult run(int vehicles, double rateHz, int subscribers, Duration warmup, Duration window)
            throws Exception {
        return run(vehicles, rateHz, subscribers, warmup, window, 1, null);
    }

    /**
     * The same load on {@code nodes} nodes sharing the fleet over the NATS at {@code natsUrl}: the links (254
     * vehicles each) are dealt out to the nodes in contiguous slices, the subscribers in turn, and every
     * subscriber streams every vehicle, most of them owned by another node and reaching its node over the bus.
     */
    static TelemetryBenchResult run(int vehicles, double rateHz, int subscribers, Duration warmup, Duration window, int nodes,
                                    String natsUrl) throws Exception {
        int links = (vehicles + 253) / 254;
        if (nodes < 1 || nodes > links) {
            throw new IllegalArgumentException(vehicles + " vehicles make " + links + " links: 1.." + links + " nodes, got " + nodes);
        }
        int firstPort = FreePorts.udpRange(HOST, links);
        List<SkyfleetServer> servers = new ArrayList<>();
        String run = Long.toHexString(System.nanoTime());
        try (PositionLoadGenerator generator = new PositionLoadGenerator(HOST, firstPort, vehicles, rateHz)) {
            for (int k = 0, port = firstPort; k < nodes; k++) {
                int slice = links / nodes + (k < links % nodes ? 1 : 0);
                ServerConfig config = ServerConfig.ephemeral().withMavlink(HOST, port, slice)
                        .withMavlinkSourceRate(ONE_HOST_FLEET);
                servers.add(SkyfleetServer.start(config, AutomationConfig.defaults(), new InMemoryStore(), InstantSource.system(),
                        natsUrl == null ? null : ClusterConfig.of(natsUrl, "bench-" + run + "-" + k)));
                port += slice;
            }
            return measure(servers, generator, vehicles, rateHz, subscribers, warmup, window);
        } finally {
            servers.forEach(SkyfleetServer::close);
        }
    }

    private static TelemetryBenchResult measure(List<SkyfleetServer> servers, PositionLoadGenerator generator, int vehicles,
                                                double rateHz, int subscribers, Duration warmup, Duration window) throws Exception {
        int firstPort = servers.get(0).links().get(0).localAddress().getPort();
        generator.announce();
        generator.start();
        for (SkyfleetServer server : servers) {
            awaitDiscovery(server, vehicles);  // every node knows every vehicle, its own or over the bus
        }
        Map<String, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < vehicles; i++) {
            indexOf.put("mav-" + (firstPort + i / 254) + "-" + (i % 254 + 1), i);
        }
        Recorder latency = new Recorder(3);
        List<LatencySubscriber> subs = new ArrayList<>();
        for (int s = 0; s < subscribers; s++) {
            subs.add(new LatencySubscriber(servers.get(s % servers.size()).grpcPort(), indexOf, generator, latency));
        }
        try {
            park(warmup);
            Snapshot before = Snapshot.take(servers, generator, subs);
            latency.getIntervalHistogram();  // discard warm-up samples
            park(window);
            Snapshot after = Snapshot.take(servers, generator, subs);
            Histogram h = latency.getIntervalHistogram();
            double s = (after.nanos - before.nanos) / 1e9;
            var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            long sent = (after.positionsSent - before.positionsSent) + Math.round(vehicles * s);
            long counted = Math.round(after.datagramsIn - before.datagramsIn);
            return new TelemetryBenchResult(vehicles, rateHz, subscribers,
                    (after.positionsSent - before.positionsSent) / s,
                    (after.framesValid - before.framesValid) / s,
                    (after.positions - before.positions) / s,
                    (after.delivered - before.delivered) / s,
                    (after.conflated - before.conflated) / s,
                    h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0,
                    (after.cpuNanos - before.cpuNanos) / 1e9 / s,
                    heap.getUsed() / (1024.0 * 1024.0),
                    Math.max(0, sent - counted));
        } finally {
            subs.forEach(LatencySubscriber::close);
        }
    }

    /** Datagrams per second a bare receiver counts when the generator sends flat out, and the server decodes. */
    static double[] saturation(int vehicles, int subscribers, Duration window) throws Exception {
        int links = (vehicles + 253) / 254;
        int firstPort = FreePorts.udpRange(HOST, links);
        double bare;
        try (BareReceiver receiver = new BareReceiver(HOST, firstPort, links);
             PositionLoadGenerator generator = new PositionLoadGenerator(HOST, firstPort, vehicles, 1e6)) {
            generator.start();
            park(Duration.ofSeconds(1));
            long r0 = receiver.received.get();
            park(window);
            bare = (receiver.received.get() - r0) / (window.toNanos() / 1e9);
        }
        int serverPort = FreePorts.udpRange(HOST, links);
        ServerConfig config = ServerConfig.ephemeral().withMavlink(HOST, serverPort, links)
                        .withMavlinkSourceRate(ONE_HOST_FLEET);
        try (SkyfleetServer server = SkyfleetServer.start(config, InstantSource.system());
             PositionLoadGenerator generator = new PositionLoadGenerator(HOST, serverPort, vehicles, 1e6)) {
            generator.announce();
            awaitDiscovery(server, vehicles);
            List<LatencySubscriber> subs = new ArrayList<>();
            Map<String, Integer> indexOf = new HashMap<>();
            for (int s = 0; s < subscribers; s++) {
                subs.add(new LatencySubscriber(server.grpcPort(), indexOf, generator, new Recorder(3)));
            }
            try {
                generator.start();
                park(Duration.ofSeconds(1));
                double f0 = server.ingestMetrics().framesDecoded();
                park(window);
                double decoded = (server.ingestMetrics().framesDecoded() - f0) / (window.toNanos() / 1e9);
                return new double[] {bare, decoded};
            } finally {
                subs.forEach(LatencySubscriber::close);
            }
        }
    }

    private static void awaitDiscovery(SkyfleetServer server, int vehicles) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (server.registry().size() < vehicles) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + server.registry().size() + " of " + vehicles + " vehicles discovered");
            }
            LockSupport.parkNanos(50_000_000);
        }
    }

    private static void park(Duration d) {
        long end = System.nanoTime() + d.toNanos();
        long left;
        while ((left = end - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    private record Snapshot(long nanos, long positionsSent, double datagramsIn, double framesValid, double positions,
                            long delivered, double conflated, long cpuNanos) {
        /** Summed over the nodes (all in this process: the CPU is theirs together). */
        static Snapshot take(List<SkyfleetServer> servers, PositionLoadGenerator generator, List<LatencySubscriber> subs) {
            long delivered = 0;
            for (LatencySubscriber s : subs) {
                delivered += s.received.get();
            }
            double datagramsIn = 0, framesValid = 0, positions = 0, conflated = 0;
            for (SkyfleetServer server : servers) {
                Counter p = server.meters().find("skyfleet.mavlink.frames.decoded").tag("type", "GLOBAL_POSITION_INT").counter();
                datagramsIn += server.ingestMetrics().datagramsIn();
                framesValid += server.ingestMetrics().framesDecoded();
                positions += p == null ? 0 : p.count();
                conflated += server.stateFanoutMetrics().skippedCount()
                        + server.cluster().map(c -> c.busMetrics().statesConflated()).orElse(0.0);
            }
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return new Snapshot(System.nanoTime(), generator.positionsSent(), datagramsIn, framesValid, positions, delivered,
                    conflated, os.getProcessCpuTime());
        }
    }
}
