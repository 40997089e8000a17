package org.skyfleet.bench.store;

import org.skyfleet.fleet.store.jdbc.JdbcStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.skyfleet.fleet.audit.AuditJournal;

/**
 * Acknowledged audit appends per second when 1, then {@code --nodes} server nodes (default 3) share one
 * PostgreSQL schema: each node its own store (pool) and journal, {@code --threads} (default 4) appending
 * threads each, for {@code --seconds} (default 3) per run, on a fresh schema per run. Prints a line per run,
 * appends it to {@code --results} (default {@code bench/results/audit-shared.txt}).
 *
 * <pre>--url jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres</pre>
 */
public final class AuditAppendBench {
    private AuditAppendBench() {
    }

    public static void main(String[] args) throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
        int seconds = 3;
        int nodes = 3;
        int threads = 4;
        Path results = Path.of("bench/results/audit-shared.txt");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--nodes" -> nodes = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--results" -> results = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use [--url URL] [--seconds N] [--nodes N] [--threads N] [--results FILE]");
            }
        }
        Files.createDirectories(results.toAbsolutePath().getParent());
        for (int n : new int[] {1, nodes}) {
            String schema = "bench_audit_" + System.nanoTime();
            execute(url, "CREATE SCHEMA " + schema);
            try {
                String line = run(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, n, threads, seconds);
                System.out.println(line);
                Files.writeString(results, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } finally {
                execute(url, "DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static String run(String url, int nodes, int threads, int seconds) throws InterruptedException {
        List<JdbcStore> stores = new ArrayList<>();
        try {
            for (int n = 0; n < nodes; n++) {
                stores.add(JdbcStore.open(url, threads));
            }
            AtomicBoolean stop = new AtomicBoolean();
            long[][] latencies = new long[nodes * threads][];
            List<Thread> workers = new ArrayList<>();
            for (int n = 0; n < nodes; n++) {
                AuditJournal journal = new AuditJournal(Instant::now, stores.get(n).audit());
                for (int t = 0; t < threads; t++) {
                    int me = n * threads + t;
                    workers.add(new Thread(() -> {
                        long[] lat = new long[1 << 14];
                        int count = 0;
                        while (!stop.get()) {
                            long t0 = System.nanoTime();
                            journal.append("bench (system)", "command ARM", "drone-" + me, "n=" + count, "ACCEPTED");
                            if (count == lat.length) {
                                lat = Arrays.copyOf(lat, count * 2);
                            }
                            lat[count++] = System.nanoTime() - t0;
                        }
                        latencies[me] = Arrays.copyOf(lat, count);
                    }, "bench-audit-" + me));
                }
            }
            long start = System.nanoTime();
            workers.forEach(Thread::start);
            Thread.sleep(seconds * 1000L);
            stop.set(true);
            for (Thread w : workers) {
                w.join();
            }
            double elapsedS = (System.nanoTime() - start) / 1e9;
            long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
            var chain = stores.get(0).audit().loadAll();
            return String.format(Locale.ROOT, "%s audit-append nodes=%d threads_per_node=%d seconds=%.1f acknowledged=%d "
                            + "appends_per_s=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f stored=%d chain_intact=%b cores=%d",
                    Instant.now(), nodes, threads, elapsedS, all.length, all.length / elapsedS, quantile(all, 0.50),
                    quantile(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6, chain.size(),
                    AuditJournal.firstBroken(chain).isEmpty(), Runtime.getRuntime().availableProcessors());
        } finally {
            stores.forEach(JdbcStore::close);
        }
    }

    private static double quantile(long[] sortedNs, double q) {
        return sortedNs.length == 0 ? 0 : sortedNs[(int) Math.min(sortedNs.length - 1, Math.floor(q * sortedNs.length))] / 1e6;
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
