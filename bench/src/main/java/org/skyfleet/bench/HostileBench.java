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
import org.skyfleet.server.auth.SourceBans;
import org.skyfleet.server.auth.TokenAuthority;
import org.skyfleet.server.automation.AutomationConfig;
import org.skyfleet.server.grpc.CallerInterceptor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code skyfleet bench hostile}: what an attacker who holds no token costs the people who do. A server
 * requiring tokens, its journal in an H2 file: a pilot's unary call (ListVehicles) timed alone, then timed
 * again while {@code --flood} anonymous calls arrive at {@code --flood-rate} from {@code --attackers} threads of
 * another process, on another address ({@link AnonymousFlood}); the journal's growth on disk and the server's threads over
 * the flood; the live heap after {@code --misses} GETs of distinct unknown console paths. Run twice in one
 * go: as the server ships (an address that keeps being refused is banned), and with bans off, as the baseline.
 */
@Command(name = "hostile", mixinStandardHelpOptions = true, description = "An authorised caller's latency under an anonymous flood; "
        + "journal, thread and heap growth.")
public final class HostileBench implements Callable<Integer> {
    /** The attacker calls from an address of its own, as it would from another host: bans are by address. */
    static final String ATTACKER_ADDRESS = "127.0.0.2";
    private static final long FLOOD_HEAD_START_MS = 500;

    @Option(names = "--flood", defaultValue = "10000",
            description = "anonymous calls the attacker must at least attempt while the pilot is timed (default: ${DEFAULT-VALUE})")
    int flood;

    @Option(names = "--flood-rate", defaultValue = "2000", description = "anonymous calls per second (default: ${DEFAULT-VALUE})")
    int floodRate;

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
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "# skyfleet bench hostile %s, %d cores, java %s, H2 file store, attacker: %d calls at %d/s "
                        + "from %d threads over 8 connections from %s, reconnecting at once when turned away",
                Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), flood, floodRate, attackers,
                ATTACKER_ADDRESS));
        lines.add(String.format(Locale.ROOT, "%-34s %8s %8s %8s", "pilot ListVehicles", "p50_ms", "p99_ms", "max_ms"));
        // the server as it ships (sources banned), then with bans off: the same attacker, the same run
        for (SourceBans.Policy bans : java.util.Arrays.asList(SourceBans.Policy.defaults(), null)) {
            String name = bans == null ? "bans off" : "bans on";
            Path data = Files.createTempDirectory("skyfleet-bench-hostile");
            try (SkyfleetServer server = SkyfleetServer.start(ServerConfig.ephemeral().withTokens(tokens, true).withSourceBans(bans),
                    AutomationConfig.defaults(), JdbcStore.open(JdbcStore.embeddedUrl(data)), InstantSource.system())) {
                lines.addAll(floodPhase(server, tokens, data, name));
                if (bans != null) {
                    lines.add(String.format(Locale.ROOT, "live heap after %d distinct unknown console paths: %+.1f MB (goal < 10 MB)",
                            misses, heapGrowthAfterMisses(server.httpPort()) / 1e6));
                }
            }
        }
        lines.forEach(System.out::println);
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.write(results, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println("appended to " + results);
        return 0;
    }

    /** The pilot alone, then under the attacker's flood; the journal's and the threads' growth over the flood. */
    private List<String> floodPhase(SkyfleetServer server, TokenAuthority tokens, Path data, String name) throws Exception {
        ManagedChannel pilotChannel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
        try {
            var pilot = FleetServiceGrpc.newBlockingStub(pilotChannel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(
                    CallerInterceptor.bearer(tokens.issue("bench-pilot", Role.PILOT, Duration.ofHours(1)))));
            timePilot(pilot, pilotCalls); // warm-up
            long cpuAloneStart = processCpuNanos();
            long[] alone = timePilot(pilot, pilotCalls);
            long cpuAlone = processCpuNanos() - cpuAloneStart;
            server.refusals().flush(true);
            long dbBefore = bytesUnder(data);
            int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();

            // the attacker runs in a process of its own, as a real one would: its client work is not this JVM's
            // at the lowest priority: on one machine an attacker's own CPU (its reconnects above all) would be taken
            // from the server, which a remote attacker's is not; paced, it still makes its rate on an idle core
            Process attacker = new ProcessBuilder("nice", "-n", "19", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), AnonymousFlood.class.getName(),
                    Integer.toString(server.grpcPort()), Integer.toString(attackers), ATTACKER_ADDRESS, Integer.toString(floodRate))
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
            java.util.concurrent.atomic.AtomicLong attempted = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.CompletableFuture<String> outcome = new java.util.concurrent.CompletableFuture<>();
            Thread listener = new Thread(() -> {
                String last = "(the attacker said nothing)";
                try {
                    for (String line; (line = attackerSays.readLine()) != null; ) {
                        if (line.startsWith("attempted ")) {
                            attempted.set(Long.parseLong(line.substring(10)));
                        } else if (line.startsWith("attempts ")) {
                            last = line;
                        }
                    }
                } catch (java.io.IOException e) {
                    last = "(the attacker's output broke: " + e.getMessage() + ")";
                }
                outcome.complete(last);
            });
            listener.start();
            Thread.sleep(FLOOD_HEAD_START_MS); // the flood is on before the pilot's first call
            long cpuFloodStart = processCpuNanos();
            long floodStartNs = System.nanoTime();
            // the pilot is timed until it made its calls and the attacker its --flood attempts, whichever is later
            List<long[]> batches = new ArrayList<>();
            int made = 0;
            long attemptsAtStart = attempted.get();
            while (made < pilotCalls || attempted.get() - attemptsAtStart < flood) {
                batches.add(timePilot(pilot, 100));
                made += 100;
            }
            long cpuFlood = (processCpuNanos() - cpuFloodStart) * pilotCalls / made; // per pilotCalls, like the alone phase
            double floodSeconds = (System.nanoTime() - floodStartNs) / 1e9;
            long attemptsInPhase = attempted.get() - attemptsAtStart;
            long[] flooded = batches.stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
            attacker.getOutputStream().close(); // the pilot is done: stop
            String said = outcome.get(30, java.util.concurrent.TimeUnit.SECONDS);
            attacker.waitFor();
            sampler.join();
            server.refusals().flush(true);
            long dbAfter = bytesUnder(data);
            return List.of(
                    row(name + ", alone", alone),
                    row(name + ", under the flood", flooded),
                    String.format(Locale.ROOT, "%s: p99 ratio flood/alone %.2f (goal <= 2) over %d pilot calls in %.1f s, "
                                    + "%.0f attempts/s; attacker %s", name, p(flooded, 0.99) / (double) p(alone, 0.99),
                            flooded.length, floodSeconds, attemptsInPhase / floodSeconds, said),
                    String.format(Locale.ROOT, "%s: server CPU per %d pilot calls %.0f ms alone, %.0f ms under the flood",
                            name, pilotCalls, cpuAlone / 1e6, cpuFlood / 1e6),
                    String.format(Locale.ROOT, "%s: journal growth on disk %.2f MB (goal < 1 MB); server threads %d -> peak %d",
                            name, (dbAfter - dbBefore) / 1e6, threadsBefore, peakThreads.get()));
        } finally {
            pilotChannel.shutdownNow();
        }
    }

    /** CPU time of this process: the server and the pilot's client; not the attacker's, which runs apart. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
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
