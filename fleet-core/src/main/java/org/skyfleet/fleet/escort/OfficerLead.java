package org.skyfleet.fleet.escort;

import java.time.Duration;
import java.time.Instant;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * Where a walking officer will be when the robot's next target is due: the last fix moved on by the officer's
 * velocity (from the last two fixes) for the fix's age plus one follow period. A robot aimed at where the officer
 * was falls behind by the officer's walk between two targets (1.4 m at 1.4 m/s and 1 Hz) and brakes for every
 * target; aimed a period ahead it keeps its stand-off.
 *
 * <p>Degenerate cases: one fix, or two fixes at the same instant or further apart than {@code staleAfter}: no
 * velocity, the fix itself. A lead longer than {@code maxLeadM} (a GNSS jump read as a sprint) is cut to it.
 * Flat Earth over the few metres involved. One instance per pairing; not thread-safe.
 */
public final class OfficerLead {
    private static final double METRES_PER_DEG_LAT = 111_320.0;

    private final double maxLeadM;
    private final Duration staleAfter;
    private GeoPoint lastFix;
    private Instant lastFixAt;
    private double eastMps;
    private double northMps;

    public OfficerLead(double maxLeadM, Duration staleAfter) {
        this.maxLeadM = maxLeadM;
        this.staleAfter = staleAfter;
    }

    /** The officer's expected position at {@code now + ahead}, given their latest fix. */
    public GeoPoint expected(GeoPoint fix, Instant fixAt, Instant now, Duration ahead) {
        double cos = Math.cos(Math.toRadians(fix.latDeg()));
        if (lastFixAt == null || fixAt.isAfter(lastFixAt)) {
            if (lastFixAt != null) {
                double dtS = Duration.between(lastFixAt, fixAt).toNanos() / 1e9;
                if (dtS > 0 && dtS <= staleAfter.toNanos() / 1e9) {
                    eastMps = (fix.lonDeg() - lastFix.lonDeg()) * METRES_PER_DEG_LAT * cos / dtS;
                    northMps = (fix.latDeg() - lastFix.latDeg()) * METRES_PER_DEG_LAT / dtS;
                } else {
                    eastMps = 0;
                    northMps = 0;
                }
            }
            lastFix = fix;
            lastFixAt = fixAt;
        }
        double leadS = Math.max(0, Duration.between(fixAt, now).plus(ahead).toNanos() / 1e9);
        double east = eastMps * leadS;
        double north = northMps * leadS;
        double d = Math.hypot(east, north);
        if (d > maxLeadM) {
            east *= maxLeadM / d;
            north *= maxLeadM / d;
        }
        return new GeoPoint(fix.latDeg() + north / METRES_PER_DEG_LAT, fix.lonDeg() + east / (METRES_PER_DEG_LAT * cos));
    }
}
