package org.skyfleet.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.skyfleet.fleet.incident.Incident;
import org.skyfleet.fleet.incident.IncidentPriority;
import org.skyfleet.fleet.incident.IncidentType;
import org.skyfleet.fleet.incident.SearchStatus;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.incident.TimelineKind;
import org.skyfleet.fleet.replay.Replay;
import org.skyfleet.fleet.replay.ReplayTrack;
import org.skyfleet.fleet.replay.Replays;
import org.skyfleet.fleet.store.PositionHistoryStore;
import org.skyfleet.fleet.store.PositionSample;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.server.history.ReplayGrpcService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A long incident's replay built on the server: hours of 1 Hz history for many vehicles, thinned to a point
 * budget by the real {@link Replays} and mapped to the API's message by the real mapping. Prints the time per
 * replay (median and worst of the runs), the points and the worst error kept, and the message's size; the
 * history is read from memory, so the figure is the thinning's, not a database's. CPU time is printed beside
 * wall time: on a loaded machine it is the steadier figure.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, description = "Build a long incident's replay: time, points, error.")
public final class ReplayBench implements Callable<Integer> {
    private static final Instant T0 = Instant.parse("2026-12-07T00:00:00Z");

    @Option(names = "--vehicles", defaultValue = "10", description = "vehicles in the incident (default: ${DEFAULT-VALUE})")
    int vehicles;

    @Option(names = "--hours", defaultValue = "6", description = "hours of 1 Hz history each (default: ${DEFAULT-VALUE})")
    int hours;

    @Option(names = "--budgets", defaultValue = "20000,5000", split = ",",
            description = "point budgets to measure (default: ${DEFAULT-VALUE})")
    int[] budgets;

    @Option(names = "--tolerance-m", defaultValue = "2", description = "thinning tolerance, metres (default: ${DEFAULT-VALUE})")
    double toleranceM;

    @Option(names = "--runs", defaultValue = "5", description = "measured runs per budget, after two warm-ups (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--results", defaultValue = "bench/results/replay.txt",
            description = "file the figures are appended to (default: ${DEFAULT-VALUE})")
    Path results;

    @Override
    public Integer call() throws Exception {
        MemoryHistory history = new MemoryHistory();
        List<TimelineEntry> timeline = new ArrayList<>();
        int perVehicle = hours * 3600;
        for (int v = 0; v < vehicles; v++) {
            String id = "drone-" + v;
            wander(history, id, new Random(v), perVehicle);
            timeline.add(TimelineEntry.of(T0.plusSeconds(v), TimelineKind.DRONE_LAUNCHED, "automation", id + " launched").withVehicle(id));
        }
        Instant end = T0.plusSeconds(perVehicle);
        Incident incident = new Incident("inc-bench", "", IncidentType.MISSING_PERSON, IncidentPriority.P1, new GeoPoint(29.985, 122.207),
                T0, "bench", null, SearchStatus.NONE, timeline, Set.of(), Set.of(), "bench over", end);
        Replays replays = new Replays(history, InstantSource.fixed(end));

        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "# skyfleet bench replay %s, %d cores, java %s, %d vehicles x %d h at 1 Hz = %d samples, "
                        + "tolerance %.1f m, %d runs", Instant.now(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), vehicles, hours, vehicles * perVehicle, toleranceM, runs));
        lines.add(String.format(Locale.ROOT, "%8s %9s %9s %9s %10s %11s %10s", "budget", "points", "median_ms", "max_ms",
                "cpu_p50_ms", "max_error_m", "proto_kB"));
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int budget : budgets) {
            for (int w = 0; w < 2; w++) {
                ReplayGrpcService.toProto(replays.ofIncident(incident, budget, toleranceM));
            }
            long[] ns = new long[runs];
            long[] cpuNs = new long[runs];
            Replay last = null;
            int bytes = 0;
            for (int r = 0; r < runs; r++) {
                long start = System.nanoTime();
                long startCpu = cpu.getCurrentThreadCpuTime();
                last = replays.ofIncident(incident, budget, toleranceM);
                bytes = ReplayGrpcService.toProto(last).getSerializedSize();
                cpuNs[r] = cpu.getCurrentThreadCpuTime() - startCpu;
                ns[r] = System.nanoTime() - start;
            }
            Arrays.sort(ns);
            Arrays.sort(cpuNs);
            double worstM = last.tracks().stream().mapToDouble(ReplayTrack::maxErrorM).max().orElse(0);
            lines.add(String.format(Locale.ROOT, "%8d %9d %9.1f %9.1f %10.1f %11.2f %10.1f", budget, last.points(),
                    ns[runs / 2] / 1e6, ns[runs - 1] / 1e6, cpuNs[runs / 2] / 1e6, worstM, bytes / 1024.0));
        }
        lines.forEach(System.out::println);
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.write(results, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println("appended to " + results);
        return 0;
    }

    /**
     * A search drone's day: legs at 8-15 m/s with gentle turns, hovers of up to a minute, the odd sharp turn;
     * one sample a second with a metre of GNSS noise.
     */
    private static void wander(MemoryHistory history, String id, Random r, int samples) {
        double lat = 29.985 + r.nextGaussian() * 0.01;
        double lon = 122.207 + r.nextGaussian() * 0.01;
        double headingRad = r.nextDouble() * 2 * Math.PI;
        int hoverLeft = 0;
        double speedMps = 10;
        for (int s = 0; s < samples; s++) {
            double noiseN = r.nextGaussian();
            double noiseE = r.nextGaussian();
            history.put(id, new PositionSample(id, T0.plusSeconds(s), lat + noiseN / 111_195.0,
                    lon + noiseE / (111_195.0 * Math.cos(Math.toRadians(lat))), 80));
            if (hoverLeft > 0) {
                hoverLeft--;
                continue;
            }
            if (r.nextInt(600) == 0) {
                hoverLeft = r.nextInt(60);
            }
            headingRad += r.nextInt(120) == 0 ? Math.PI / 2 : r.nextGaussian() * 0.02;
            speedMps = Math.max(8, Math.min(15, speedMps + r.nextGaussian() * 0.2));
            lat += speedMps * Math.cos(headingRad) / 111_195.0;
            lon += speedMps * Math.sin(headingRad) / (111_195.0 * Math.cos(Math.toRadians(lat)));
        }
    }

    /** All the history, unbounded (the memory store keeps an hour): the bench's own double, never in production. */
    private static final class MemoryHistory implements PositionHistoryStore {
        private final Map<String, TreeMap<Instant, PositionSample>> byVehicle = new HashMap<>();

        void put(String id, PositionSample s) {
            byVehicle.computeIfAbsent(id, k -> new TreeMap<>()).put(s.time(), s);
        }

        @Override
        public void append(String vehicleId, Instant time, double latDeg, double lonDeg, double altAmslM) {
            put(vehicleId, new PositionSample(vehicleId, time, latDeg, lonDeg, altAmslM));
        }

        @Override
        public List<PositionSample> replay(String vehicleId, Instant from, Instant to) {
            TreeMap<Instant, PositionSample> m = byVehicle.get(vehicleId);
            return m == null ? List.of() : List.copyOf(m.subMap(from, true, to, false).values());
        }

        @Override
        public long pruneBefore(Instant cutoff) {
            long n = 0;
            for (TreeMap<Instant, PositionSample> m : byVehicle.values()) {
                var old = m.headMap(cutoff, false);
                n += old.size();
                old.clear();
            }
            return n;
        }
    }
}
