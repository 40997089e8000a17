package org.skyfleet.fleet.geofence;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.skyfleet.fleet.vehicle.AutopilotKind;
import org.skyfleet.fleet.vehicle.FlightStatus;
import org.skyfleet.fleet.vehicle.LandedState;
import org.skyfleet.fleet.vehicle.LinkState;
import org.skyfleet.fleet.vehicle.PositionSample;
import org.skyfleet.fleet.vehicle.SystemStatus;
import org.skyfleet.fleet.vehicle.VehicleIdentity;
import org.skyfleet.fleet.vehicle.VehicleKind;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * How cheap geofence checks are against 10,000 zones over a city (20 km x 20 km around central London:
 * half star-shaped polygons of 5-12 vertices, half circles, 20-200 m across, seeded, plus one operating
 * area over the whole city), on one thread:
 * <ol>
 *   <li>{@link ZoneIndex#check} at 1,000,000 random positions: mean and percentiles per check;
 *   <li>{@link GeofenceMonitor#onState} (check + 20 s prediction + edge detection) for 1,000 vehicles
 *       flying straight at 5-20 m/s, reported at 10 Hz, as fast as one thread goes: updates per second
 *       and the share of one core that a real 10,000 updates/s would take;
 *   <li>building the index of 10,000 zones, and one copy-on-write change through {@link Geofences}.
 * </ol>
 * Each measurement is repeated {@value #ROUNDS} times (the machine is shared: compare the rounds).
 * Not a test (no *Test suffix): run it by hand, see fleet-core/README-geofence.md. Writes
 * {@code args[0]} (default {@code bench/results/geofence.txt}, relative to the working directory).
 */
public final class GeofenceBench {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final int ZONES = 10_000;
    private static final double HALF_SIDE_M = 10_000;
    private static final int CHECKS = 1_000_000;
    private static final int VEHICLES = 1_000;
    private static final int RATE_HZ = 10;
    private static final int SIMULATED_S = 30;
    private static final int ROUNDS = 3;

    private GeofenceBench() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "bench/results/geofence.txt");
        List<String> lines = new ArrayList<>();
        lines.add("# GeofenceBench " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + ", load average before " + String.format(Locale.ROOT, "%.2f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        lines.add("# " + ZONES + " zones (half polygons 5-12 vertices, half circles, 20-200 m across) over "
                + (int) (2 * HALF_SIDE_M / 1000) + " km x " + (int) (2 * HALF_SIDE_M / 1000)
                + " km, plus one operating area over the city; one thread");

        List<Zone> zones = new ArrayList<>(RandomZones.city(ZONES, HALF_SIDE_M, 2026));
        zones.add(TestZones.inclusion("city", new ZoneShape.Polygon(
                TestZones.rect(-HALF_SIDE_M - 500, -HALF_SIDE_M - 500, HALF_SIDE_M + 500, HALF_SIDE_M + 500))));
        long t0 = System.nanoTime();
        ZoneIndex index = ZoneIndex.of(zones);
        double buildMs = (System.nanoTime() - t0) / 1e6;
        Geofences geofences = new Geofences(new InMemoryZoneStore());
        geofences.saveAll(zones);
        geofences.save(TestZones.circleExclusion("warm-up", 0, 0, 50));
        long t1 = System.nanoTime();
        geofences.save(TestZones.circleExclusion("extra", 0, 0, 50));
        double changeMs = (System.nanoTime() - t1) / 1e6;

        for (int round = 1; round <= ROUNDS; round++) {
            lines.add("round " + round + ": " + checks(index));
            lines.add("round " + round + ": " + monitor(index));
        }
        lines.add(String.format(Locale.ROOT, "index build, %d zones (compile + pack): %.1f ms; "
                + "one change through Geofences (copy-on-write re-pack): %.1f ms", zones.size(), buildMs, changeMs));
        lines.forEach(System.out::println);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.write(out, lines);
    }

    private static String checks(ZoneIndex index) {
        SplittableRandom rnd = new SplittableRandom(1);
        GeoPoint[] points = new GeoPoint[CHECKS];
        for (int i = 0; i < CHECKS; i++) {
            points[i] = TestZones.at(rnd.nextDouble(-HALF_SIDE_M, HALF_SIDE_M), rnd.nextDouble(-HALF_SIDE_M, HALF_SIDE_M));
        }
        long breaches = 0;
        for (int i = 0; i < 300_000; i++) {  // warm-up
            GeoPoint p = points[i];
            breaches += index.check("d1", VehicleKind.MULTICOPTER, p.latDeg(), p.lonDeg(), 50, NOW).size();
        }
        long[] ns = new long[CHECKS];
        long start = System.nanoTime();
        for (int i = 0; i < CHECKS; i++) {
            GeoPoint p = points[i];
            long a = System.nanoTime();
            breaches += index.check("d1", VehicleKind.MULTICOPTER, p.latDeg(), p.lonDeg(), 50, NOW).size();
            ns[i] = System.nanoTime() - a;
        }
        double meanUs = (System.nanoTime() - start) / 1e3 / CHECKS;
        Arrays.sort(ns);
        return String.format(Locale.ROOT, "position check: %.2f us mean (including timer), p50 %.2f us, p99 %.2f us, "
                        + "p99.9 %.2f us, max %.1f us over %,d random positions; %.2f zones broken per position (all in no-fly zones); "
                        + "target < 20 us: %s", meanUs, ns[CHECKS / 2] / 1e3, ns[CHECKS * 99 / 100] / 1e3,
                ns[CHECKS * 999 / 1000] / 1e3, ns[CHECKS - 1] / 1e3, CHECKS,
                (double) breaches / (CHECKS + 300_000), meanUs < 20 ? "met" : "NOT met");
    }

    private static String monitor(ZoneIndex index) {
        long[] events = {0};
        GeofenceMonitor monitor = new GeofenceMonitor(() -> index, new BreachPredictor(),
                InstantSource.fixed(NOW), e -> events[0]++);
        SplittableRandom rnd = new SplittableRandom(3);
        double[] east = new double[VEHICLES];
        double[] north = new double[VEHICLES];
        double[] ve = new double[VEHICLES];
        double[] vn = new double[VEHICLES];
        for (int v = 0; v < VEHICLES; v++) {
            east[v] = rnd.nextDouble(-HALF_SIDE_M, HALF_SIDE_M);
            north[v] = rnd.nextDouble(-HALF_SIDE_M, HALF_SIDE_M);
            double speed = rnd.nextDouble(5, 20);
            double heading = rnd.nextDouble(0, 2 * Math.PI);
            ve[v] = speed * Math.sin(heading);
            vn[v] = speed * Math.cos(heading);
        }
        int steps = SIMULATED_S * RATE_HZ;
        VehicleState[][] states = new VehicleState[steps][VEHICLES];
        for (int s = 0; s < steps; s++) {
            for (int v = 0; v < VEHICLES; v++) {
                double t = (double) s / RATE_HZ;
                states[s][v] = state("v" + v, east[v] + ve[v] * t, north[v] + vn[v] * t, vn[v], ve[v]);
            }
        }
        for (int s = 0; s < steps / 3; s++) {  // warm-up on the first third
            for (VehicleState st : states[s]) {
                monitor.onState(st);
            }
        }
        long start = System.nanoTime();
        int updates = 0;
        for (int s = steps / 3; s < steps; s++) {
            for (VehicleState st : states[s]) {
                monitor.onState(st);
                updates++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double perS = updates / seconds;
        double needed = VEHICLES * RATE_HZ;
        return String.format(Locale.ROOT, "monitor (check + %.0f s prediction + edge events): %,.0f updates/s on one thread "
                        + "(%.1f us each); %d vehicles at %d Hz = %,.0f updates/s uses %.0f%% of one core; "
                        + "%,d events over %.0f simulated s", BreachPredictor.DEFAULT_HORIZON_S, perS, 1e6 / perS,
                VEHICLES, RATE_HZ, needed, 100 * needed / perS, events[0], (double) SIMULATED_S);
    }

    private static VehicleState state(String id, double eastM, double northM, double vn, double ve) {
        GeoPoint p = TestZones.at(eastM, northM);
        return new VehicleState(new VehicleIdentity(id, VehicleKind.MULTICOPTER, AutopilotKind.PX4, 1, "127.0.0.1:1"),
                new FlightStatus(LinkState.CONNECTED, NOW, true, "MISSION", SystemStatus.ACTIVE, LandedState.IN_AIR),
                new PositionSample(p.latDeg(), p.lonDeg(), 80, 50, vn, ve, 0, 0, NOW), null, null, null, null, null, 1);
    }
}
