package org.skyfleet.bench.store;

import org.skyfleet.fleet.store.jdbc.JdbcStore;
import java.io.IOException;
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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.skyfleet.fleet.fusion.HorizontalUncertainty;
import org.skyfleet.fleet.fusion.PositionCovariance;
import org.skyfleet.fleet.fusion.Sighting;
import org.skyfleet.fleet.fusion.SourceKind;
import org.skyfleet.fleet.fusion.TargetClass;
import org.skyfleet.fleet.fusion.Track;
import org.skyfleet.fleet.fusion.TrackState;
import org.skyfleet.fleet.incident.Incident;
import org.skyfleet.fleet.incident.IncidentPriority;
import org.skyfleet.fleet.incident.IncidentType;
import org.skyfleet.fleet.incident.SearchStatus;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.incident.TimelineKind;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * How many acknowledged writes per second the store takes: each write is what the server does for a
 * sighting before it answers: the sighting plus the SIGHTING entry on its incident's timeline in one
 * transaction, then the snapshot of the track it updated (its sighting ids growing to the tracker's
 * 1,000, as a long-lived track's do) in a second, both committed before the next ("acknowledged"), from
 * {@code --threads} threads (default 4), each on an incident of its own, for {@code --seconds}.
 * Prints a line and appends it to {@code --results} (default {@code bench/results/store.txt}).
 *
 * <pre>
 * --url jdbc:...          the store; or --data-dir DIR for the embedded H2 store there
 * --schema NAME           PostgreSQL: create this schema, run in it, drop it afterwards
 * </pre>
 */
public final class StoreWriteBench {
    private static final PositionCovariance COVARIANCE = new PositionCovariance(30, 2, 25);

    private StoreWriteBench() {
    }

    public static void main(String[] args) throws Exception {
        String url = null;
        String schema = null;
        int seconds = 10;
        int threads = 4;
        Path results = Path.of("bench/results/store.txt");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--data-dir" -> url = JdbcStore.embeddedUrl(Path.of(args[++i]));
                case "--schema" -> schema = args[++i];
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--results" -> results = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --url URL | --data-dir DIR, [--schema NAME] [--seconds N] [--threads N] [--results FILE]");
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("--url or --data-dir is required");
        }
        if (schema != null) {
            execute(url, "CREATE SCHEMA " + schema);
        }
        String storeUrl = schema == null ? url : url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try {
            String line = run(storeUrl, seconds, threads);
            System.out.println(line);
            Files.createDirectories(results.toAbsolutePath().getParent());
            Files.writeString(results, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } finally {
            if (schema != null) {
                execute(url, "DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static String run(String url, int seconds, int threads) throws InterruptedException, IOException {
        try (JdbcStore store = JdbcStore.open(url, threads)) {
            long base = System.currentTimeMillis();
            for (int t = 0; t < threads; t++) {
                Instant at = Instant.ofEpochMilli(base);
                store.incidents().save(new Incident("bench-" + base + "-" + t, "", IncidentType.SUSPECT, IncidentPriority.P2,
                        new GeoPoint(53.38, -1.47), at, "", null, SearchStatus.NONE,
                        List.of(TimelineEntry.of(at, TimelineKind.CREATED, "bench", "")), Set.of(), Set.of(), null, null));
            }
            AtomicBoolean stop = new AtomicBoolean();
            long[][] latencies = new long[threads][];
            int[] counts = new int[threads];
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int me = t;
                Thread w = new Thread(() -> {
                    String incident = "bench-" + base + "-" + me;
                    java.util.ArrayDeque<String> trackSightings = new java.util.ArrayDeque<>();
                    long[] lat = new long[1 << 16];
                    int n = 0;
                    while (!stop.get()) {
                        String id = incident + "-s" + n;
                        long timeMs = base + n * 100L;
                        Sighting s = new Sighting(id, SourceKind.DRONE, "drone-" + me, timeMs, 53.38 + n * 1e-6, -1.47,
                                HorizontalUncertainty.sigma(8), TargetClass.PERSON, 0.9, Optional.empty(),
                                Optional.of(incident));
                        TimelineEntry e = TimelineEntry.of(Instant.ofEpochMilli(timeMs), TimelineKind.SIGHTING, "drone-" + me,
                                "person seen").withSighting(id);
                        long t0 = System.nanoTime();
                        store.sightings().appendWithTimeline(s, e);
                        trackSightings.addLast(id);
                        if (trackSightings.size() > 1_000) {
                            trackSightings.removeFirst();
                        }
                        store.tracks().save(new Track("trk-" + me, TrackState.CONFIRMED, TargetClass.PERSON, s.latDeg(),
                                s.lonDeg(), 0.3, 0.1, COVARIANCE, COVARIANCE.ellipse95(), List.copyOf(trackSightings), base,
                                timeMs, 0.95, Optional.of(incident)));
                        if (n == lat.length) {
                            lat = Arrays.copyOf(lat, n * 2);
                        }
                        lat[n++] = System.nanoTime() - t0;
                    }
                    latencies[me] = Arrays.copyOf(lat, n);
                    counts[me] = n;
                }, "bench-writer-" + t);
                workers.add(w);
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
            long acknowledged = Arrays.stream(counts).asLongStream().sum();
            long stored = store.sightings().count();
            return String.format(Locale.ROOT, "%s store-write(sighting+timeline,track) %s threads=%d seconds=%.1f acknowledged=%d "
                            + "acknowledged_per_s=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f sightings_stored=%d cores=%d java=%s",
                    Instant.now(), JdbcStore.redact(url).replaceAll(";.*", ";..."), threads, elapsedS, acknowledged,
                    acknowledged / elapsedS, quantile(all, 0.50), quantile(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6,
                    stored, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
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
