package org.skyfleet.server.robot;

import java.time.Instant;
import java.util.Optional;
import org.skyfleet.fleet.geofence.BreachReason;
import org.skyfleet.fleet.geofence.ZoneBreach;
import org.skyfleet.fleet.geofence.ZoneIndex;
import org.skyfleet.fleet.vehicle.VehicleKind;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * Whether a robot may drive straight from where it is to a target: no point of the way, and no point within
 * {@code clearanceM} of the target, may lie in an exclusion zone that applies to ground robots now. The point rule of
 * {@link org.skyfleet.fleet.escort.FollowOfficer} checks the target alone; a robot behind an officer who walked
 * through a zone would otherwise drive through it to reach the far side, and one told to stop short of the edge
 * would brake into it.
 *
 * <p>Steps: sample the segment every {@value #STEP_M} m (both ends included), then {@value #RING_POINTS} points on a
 * circle of {@code clearanceM} round the target; the first sample inside an exclusion names the zone. Sampling
 * misses only a zone thinner than the step, which the zone rules do not allow for ground zones (metres wide).
 */
final class StandOffClearance {
    static final double STEP_M = 0.5;
    static final int RING_POINTS = 12;
    private static final double METRES_PER_DEG_LAT = 111_320.0;

    private final double clearanceM;

    StandOffClearance(double clearanceM) {
        this.clearanceM = clearanceM;
    }

    /** Why the robot may not drive from {@code from} to {@code to}, or empty when it may. */
    Optional<String> refusal(String robotId, GeoPoint from, GeoPoint to, ZoneIndex zones, Instant now) {
        if (zones.size() == 0) {
            return Optional.empty();
        }
        double cos = Math.cos(Math.toRadians(from.latDeg()));
        double east = (to.lonDeg() - from.lonDeg()) * METRES_PER_DEG_LAT * cos;
        double north = (to.latDeg() - from.latDeg()) * METRES_PER_DEG_LAT;
        int steps = Math.max(1, (int) Math.ceil(Math.hypot(east, north) / STEP_M));
        for (int i = 0; i <= steps; i++) {
            double f = (double) i / steps;
            Optional<String> z = exclusion(robotId, from.latDeg() + f * north / METRES_PER_DEG_LAT,
                    from.lonDeg() + f * east / (METRES_PER_DEG_LAT * cos), zones, now);
            if (z.isPresent()) {
                return Optional.of("on the way to the stand-off point: " + z.get());
            }
        }
        for (int i = 0; clearanceM > 0 && i < RING_POINTS; i++) {
            double a = 2 * Math.PI * i / RING_POINTS;
            Optional<String> z = exclusion(robotId, to.latDeg() + clearanceM * Math.cos(a) / METRES_PER_DEG_LAT,
                    to.lonDeg() + clearanceM * Math.sin(a) / (METRES_PER_DEG_LAT * cos), zones, now);
            if (z.isPresent()) {
                return Optional.of(String.format(java.util.Locale.ROOT, "within %.1f m of the stand-off point: %s",
                        clearanceM, z.get()));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> exclusion(String robotId, double latDeg, double lonDeg, ZoneIndex zones, Instant now) {
        for (ZoneBreach b : zones.check(robotId, VehicleKind.GROUND_ROVER, latDeg, lonDeg, 0, now)) {
            if (b.reason() == BreachReason.INSIDE_EXCLUSION) {
                return Optional.of(b.describe());
            }
        }
        return Optional.empty();
    }
}
