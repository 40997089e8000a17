package org.skyfleet.bench;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.skyfleet.fleet.store.InMemoryStore;
import org.skyfleet.fleet.store.Store;
import org.skyfleet.fleet.store.jdbc.JdbcStore;
import org.skyfleet.proto.v1.GeoPoint;
import org.skyfleet.proto.v1.ReportSightingRequest;
import org.skyfleet.proto.v1.SightingServiceGrpc;
import org.skyfleet.proto.v1.SightingSource;
import org.skyfleet.proto.v1.TargetClass;
import org.skyfleet.server.automation.AutomationConfig;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.cluster.ClusterConfig;
import org.skyfleet.server.grpc.CallerInterceptor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code skyfleet bench records}: what the extra hop to the records leader costs. Two nodes on one NATS and
 * one store (PostgreSQL with {@code --store-url}, else an in-memory store per node, of which only the
 * leader's is used); sightings reported by several clients at once, first to the leader, then to the other
 * node, which forwards each call. Each sighting is one the leader stores and fuses before answering.
 */
@Command(name = "records", mixinStandardHelpOptions = true, description = "Record calls to the leader, direct and forwarded.")
public final class RecordsBench implements Callable<Integer> {
    private static final int SUBJECTS = 40;

    @Option(names = "--bus", defaultValue = "nats://127.0.0.1:4222", description = "NATS server (default: ${DEFAULT-VALUE})")
    String bus;

    @Option(names = "--store-url", description = "PostgreSQL both nodes share (default: in memory)")
    String storeUrl;

    @Option(names = "--calls", defaultValue = "4000", description = "sightings per route (default: ${DEFAULT-VALUE})")
    int calls;

    @Option(names = "--clients", defaultValue = "4", description = "clients calling at once (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--results", defaultValue = "bench/results/records.txt",
            description = "file the figures are appended to (default: ${DEFAULT-VALUE})")
    Path results;

    @Override
    public Integer call() throws Exception {
        String run = Long.toHexString(System.nanoTime());
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "# skyfleet bench records %s, %d cores, java %s, store %s", Instant.now(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                storeUrl == null ? "in memory" : storeUrl.replaceAll("password=[^&]*", "password=***")));
        lines.add(String.format(Locale.ROOT, "%-10s %7s %7s %9s %8s %8s %8s", "route", "calls", "clients", "calls/s", "p50_ms",
                "p99_ms", "max_ms"));
        try (SkyfleetServer leader = node("bench-rec-a-" + run);
             SkyfleetServer follower = node("bench-rec-b-" + run)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (leader.records().isEmpty() && follower.records().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100); // a leader left by an earlier run holds the records until its lease runs out
            }
            SkyfleetServer direct = leader.records().isPresent() ? leader : follower;
            SkyfleetServer forwarding = direct == leader ? follower : leader;
            if (direct.records().isEmpty()) {
                System.err.println("no records leader among the bench's nodes within 30 s");
                return 1;
            }
            measure(direct, "warm-up", run + "w", Math.min(calls, 500));
            measure(forwarding, "warm-up", run + "v", Math.min(calls, 500));
            lines.add(measure(direct, "leader", run + "d", calls));
            lines.add(measure(forwarding, "forwarded", run + "f", calls));
        }
        lines.forEach(System.out::println);
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.write(results, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println("appended to " + results);
        return 0;
    }

    private SkyfleetServer node(String nodeId) throws Exception {
        Store store = storeUrl == null ? new InMemoryStore() : JdbcStore.open(storeUrl);
        return SkyfleetServer.start(ServerConfig.ephemeral(), AutomationConfig.defaults(), store, InstantSource.system(),
                ClusterConfig.of(bus, nodeId));
    }

    private String measure(SkyfleetServer node, String route, String prefix, int n) throws Exception {
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", node.grpcPort()).usePlaintext().build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            var stub = SightingServiceGrpc.newBlockingStub(channel)
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("bench", "commander")));
            long[] latencyNs = new long[n];
            List<Future<?>> done = new ArrayList<>();
            long start = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                int client = c;
                done.add(pool.submit(() -> {
                    for (int i = client; i < n; i += clients) {
                        // forty subjects a kilometre apart, each seen again and again: the tracker holds the same
                        // forty tracks in every phase, so the phases differ only in the route the calls take
                        int subject = i % SUBJECTS;
                        ReportSightingRequest r = ReportSightingRequest.newBuilder().setSightingId(prefix + "-" + i)
                                .setSource(SightingSource.SIGHTING_SOURCE_OFFICER).setSourceId("unit-" + client)
                                .setPosition(GeoPoint.newBuilder().setLatDeg(51.0 + (subject % 8) * 0.01).setLonDeg(-1.0 + (subject / 8) * 0.01))
                                .setSigmaM(10).setTargetClass(TargetClass.TARGET_CLASS_PERSON).setConfidence(0.8).build();
                        long t0 = System.nanoTime();
                        stub.reportSighting(r);
                        latencyNs[i] = System.nanoTime() - t0;
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] sorted = latencyNs.clone();
            Arrays.sort(sorted);
            return String.format(Locale.ROOT, "%-10s %7d %7d %9.0f %8.2f %8.2f %8.2f", route, n, clients, n / seconds,
                    sorted[n / 2] / 1e6, sorted[(int) Math.min(n - 1, Math.ceil(n * 0.99) - 1)] / 1e6, sorted[n - 1] / 1e6);
        } finally {
            pool.shutdownNow();
            channel.shutdownNow();
        }
    }
}
