package org.skyfleet.fleet.escort;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.skyfleet.fleet.geofence.BreachReason;
import org.skyfleet.fleet.geofence.ZoneBreach;
import org.skyfleet.fleet.geofence.ZoneIndex;
import org.skyfleet.fleet.vehicle.VehicleKind;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * Where a robot following its officer goes next: the point {@code standOffM} from the officer on the line
 * towards the robot (so it falls in behind, never cuts across the officer), unless
 * <ul>
 *   <li>the officer's last fix is older than {@code staleAfter}: stop (the officer may be indoors, or the phone
 *       lost its fix; following an old fix walks into the wrong street);</li>
 *   <li>the robot is already within {@code standOffM + deadBandM}: stop (no hunting back and forth);</li>
 *   <li>the stand-off point is inside an exclusion zone that applies to ground robots: stop and say which.</li>
 * </ul>
 * Distances on a local flat Earth around the officer (metres; exact to centimetres over the tens of metres
 * involved). Degenerate case: robot on top of the officer: it is within the stand-off, so it stops.
 */
public final class FollowOfficer {
    /** The largest stand-off a pairing may ask for: beyond it the robot is not beside the officer any more. */
    public static final double MAX_STAND_OFF_M = 50;
    private static final double METRES_PER_DEG_LAT = 111_320.0;

    private final double standOffM;
    private final double deadBandM;
    private final Duration staleAfter;

    public FollowOfficer(double standOffM, double deadBandM, Duration staleAfter) {
        if (!(standOffM > 0) || !(deadBandM >= 0) || staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("stand-off must be > 0 m, dead band >= 0 m, staleness > 0; got "
                    + standOffM + ", " + deadBandM + ", " + staleAfter);
        }
        this.standOffM = standOffM;
        this.deadBandM = deadBandM;
        this.staleAfter = staleAfter;
    }

    /** 3 m behind, 1 m dead band, 10 s staleness: a patrol robot walking beside an officer. */
    public static FollowOfficer defaults() {
        return new FollowOfficer(3, 1, Duration.ofSeconds(10));
    }

    public EscortStep next(String robotId, GeoPoint robot, GeoPoint officer, Instant officerFixAt, Instant now, ZoneIndex zones) {
        Duration age = Duration.between(officerFixAt, now);
        if (age.compareTo(staleAfter) > 0) {
            return new EscortStep.Stop(EscortStep.Reason.OFFICER_STALE, String.format(Locale.ROOT,
                    "officer's position is %.1f s old (limit %d s)", age.toMillis() / 1000.0, staleAfter.toSeconds()));
        }
        double cos = Math.cos(Math.toRadians(officer.latDeg()));
        double east = (robot.lonDeg() - officer.lonDeg()) * METRES_PER_DEG_LAT * cos;
        double north = (robot.latDeg() - officer.latDeg()) * METRES_PER_DEG_LAT;
        double d = Math.hypot(east, north);
        if (d <= standOffM + deadBandM) {
            return new EscortStep.Stop(EscortStep.Reason.IN_STAND_OFF, String.format(Locale.ROOT, "%.1f m from the officer", d));
        }
        double s = standOffM / d;
        GeoPoint target = new GeoPoint(officer.latDeg() + north * s / METRES_PER_DEG_LAT,
                officer.lonDeg() + east * s / (METRES_PER_DEG_LAT * cos));
        List<ZoneBreach> breaches = zones.check(robotId, VehicleKind.GROUND_ROVER, target.latDeg(), target.lonDeg(), 0, now);
        for (ZoneBreach b : breaches) {
            if (b.reason() == BreachReason.INSIDE_EXCLUSION) {
                return new EscortStep.Stop(EscortStep.Reason.TARGET_IN_EXCLUSION, "stand-off point " + b.describe());
            }
        }
        return new EscortStep.MoveTo(target, d);
    }
}
