package org.skyfleet.bench;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.fleet.control.Operator.Role;
import org.skyfleet.fleet.store.jdbc.JdbcStore;
import org.skyfleet.proto.v1.FleetServiceGrpc;
import org.skyfleet.proto.v1.ListVehiclesRequest;
import org.skyfleet.server.auth.TokenAuthority;
import org.skyfleet.server.automation.AutomationConfig;
import org.skyfleet.server.grpc.CallerInterceptor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code skyfleet bench hostile}: what an attacker who holds no token costs the people who do. One server
 * requiring tokens, its journal in an H2 file. In one run: a pilot's unary call (ListVehicles) timed alone,
 * then timed again while {@code --flood} anonymous calls arrive from {@code --attackers} threads of another
 * process ({@link AnonymousFlood}); the journal's
 * growth on disk and the server's threads over the flood; and the live heap after {@code --misses} GETs of
 * distinct unknown console paths.
 */
@Command(name = "hostile", mixinStandardHelpOptions = true, description = "An authorised caller's latency under an anonymous flood; "
        + "journal, thread and heap growth.")
public final class HostileBench implements Callable<Integer> {
    @Option(names = "--flood", defaultValue = "10000", description = "anonymous calls (default: ${DEFAULT-VALUE})")
    int flood;

    @Option(names = "--attackers", defaultValue = "200", description = "anonymous callers at once (default: ${DEFAULT-VALUE})")
    int attackers;

    @Option(names = "--pilot-calls", defaultValue = "2000", description = "pilot's calls per phase (default: ${DEFAULT-VALUE})")
    int pilotCalls;

    @Option(names = "--misses", defaultValue = "100000", description = "distinct unknown console paths (default: ${DEFAULT-VALUE})")
    int misses;

    @Option(names = "--results", defaultValue = "bench/results/hostile.txt",
            description = "file the figures are appended to (default: ${DEFAULT-VALUE})")
    Path results;

    @Override
    public Integer call() throws Exception {
        byte[] key = new byte[TokenAuthority.MIN_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        TokenAuthority tokens = new TokenAuthority(key, InstantSource.system());
        Path data = Files.createTempDirectory("skyfleet-bench-hostile");
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "# skyfleet bench hostile %s, %d cores, java %s, H2 file store, flood %d calls from %d callers",
                Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), flood, attackers));
        try (SkyfleetServer server = SkyfleetServer.start(ServerConfig.ephemeral().withTokens(tokens, true),
                AutomationConfig.defaults(), JdbcStore.open(JdbcStore.embeddedUrl(data)), InstantSource.system())) {
            ManagedChannel pilotChannel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
            try {
                var pilot = FleetServiceGrpc.newBlockingStub(pilotChannel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(
                        CallerInterceptor.bearer(tokens.issue("bench-pilot", Role.PILOT, Duration.ofHours(1)))));
                timePilot(pilot, pilotCalls); // warm-up
                long[] alone = timePilot(pilot, pilotCalls);
                server.refusals().flush(true);
                long dbBefore = bytesUnder(data);
                int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();

                // the attacker runs in a process of its own, as a real one would: its client work is not this JVM's
                Process attacker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), AnonymousFlood.class.getName(),
                        Integer.toString(server.grpcPort()), Integer.toString(flood), Integer.toString(attackers))
                        .redirectErrorStream(true).start();
                java.io.BufferedReader attackerSays = new java.io.BufferedReader(
                        new java.io.InputStreamReader(attacker.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
                for (String line; (line = attackerSays.readLine()) != null && !line.equals("flooding"); ) {
                    // the attacker's start-up chatter
                }
                AtomicInteger peakThreads = new AtomicInteger(threadsBefore);
                Thread sampler = new Thread(() -> {
                    while (attacker.isAlive()) {
                        peakThreads.accumulateAndGet(ManagementFactory.getThreadMXBean().getThreadCount(), Math::max);
                        java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
                    }
                });
                sampler.start();
                long[] flooded = timePilot(pilot, pilotCalls);
                boolean floodStillOn = attacker.isAlive();
                String refused = "";
                for (String line; (line = attackerSays.readLine()) != null; ) {
                    refused = line.startsWith("refused ") ? line.substring(8) : refused;
                }
                attacker.waitFor();
                sampler.join();
                server.refusals().flush(true);
                long dbAfter = bytesUnder(data);

                lines.add(String.format(Locale.ROOT, "%-22s %8s %8s %8s", "pilot ListVehicles", "p50_ms", "p99_ms", "max_ms"));
                lines.add(row("alone", alone));
                lines.add(row("under the flood", flooded));
                lines.add(String.format(Locale.ROOT, "p99 ratio flood/alone %.2f (goal <= 2); %s of %d anonymous calls refused%s",
                        p(flooded, 0.99) / (double) p(alone, 0.99), refused, flood,
                        floodStillOn ? "" : "; the flood ended before the pilot's calls: raise --flood"));
                lines.add(String.format(Locale.ROOT, "journal growth on disk %.2f MB (goal < 1 MB); server threads %d -> peak %d",
                        (dbAfter - dbBefore) / 1e6, threadsBefore, peakThreads.get()));
                lines.add(String.format(Locale.ROOT, "live heap after %d distinct unknown console paths: %+.1f MB (goal < 10 MB)",
                        misses, heapGrowthAfterMisses(server.httpPort()) / 1e6));
            } finally {
                pilotChannel.shutdownNow();
            }
        }
        lines.forEach(System.out::println);
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.write(results, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println("appended to " + results);
        return 0;
    }

    private static long[] timePilot(FleetServiceGrpc.FleetServiceBlockingStub pilot, int n) {
        long[] latencyNs = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            pilot.listVehicles(ListVehiclesRequest.getDefaultInstance());
            latencyNs[i] = System.nanoTime() - t0;
        }
        Arrays.sort(latencyNs);
        return latencyNs;
    }

    private static long p(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)];
    }

    private static String row(String phase, long[] sorted) {
        return String.format(Locale.ROOT, "%-22s %8.2f %8.2f %8.2f", phase, p(sorted, 0.5) / 1e6, p(sorted, 0.99) / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    /** The server runs in this process, so its live heap is this JVM's after a full collection. */
    private long heapGrowthAfterMisses(int httpPort) throws Exception {
        long before = liveHeapBytes();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        String run = Long.toHexString(System.nanoTime());
        for (int s = 0; s < 8; s++) {
            int sender = s;
            done.add(senders.submit(() -> {
                for (int i = sender; i < misses; i += 8) {
                    http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/console/missing-" + run + "-" + i))
                            .build(), HttpResponse.BodyHandlers.discarding());
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        senders.shutdownNow();
        return liveHeapBytes() - before;
    }

    private static long liveHeapBytes() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long bytesUnder(Path dir) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
