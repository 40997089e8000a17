package org.skyfleet.bench;

import java.util.List;
import java.util.Random;
import org.skyfleet.fleet.search.DistanceDistribution;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.LocalFrame;

/**
 * One seeded missing-person case: where he was last seen, where he really is, where the drones and the
 * officers start. Positions other than the last known point are metres east/north of it.
 *
 * @param seed                the seed everything in the case is drawn from (the subject's walk too)
 * @param lastKnownPoint      the LKP, WGS84
 * @param subjectStartM       the subject's true position at t = 0, {east, north} of the LKP
 * @param subjectWanders      false: the subject stands still (test fixtures)
 * @param commandPostM        where the drones take off and land, {east, north}
 * @param officersM           officers on foot, {east, north} each
 */
public record SearchScenario(long seed, GeoPoint lastKnownPoint, double[] subjectStartM, boolean subjectWanders,
                             double[] commandPostM, List<double[]> officersM) {
    /** The region the last known points are drawn in: around the forested-hill scenario's home. */
    static final GeoPoint REGION_CENTRE = new GeoPoint(53.385, -1.873);
    static final double REGION_HALF_DEG = 0.05;
    static final double COMMAND_POST_MIN_M = 300, COMMAND_POST_MAX_M = 800;
    static final double OFFICER_MIN_M = 700, OFFICER_MAX_M = 2500;
    static final int OFFICERS = 3;

    /**
     * Draws a case: the LKP uniformly in the region; the subject's start at a distance drawn from the
     * category's distance distribution (inverse CDF by bisection) in a uniform direction; the command post
     * 300–800 m and three officers 0.7–2.5 km from the LKP, uniform directions.
     */
    public static SearchScenario draw(long seed, DistanceDistribution distances) {
        Random r = new Random(seed);
        GeoPoint lkp = new GeoPoint(REGION_CENTRE.latDeg() + (2 * r.nextDouble() - 1) * REGION_HALF_DEG,
                REGION_CENTRE.lonDeg() + (2 * r.nextDouble() - 1) * REGION_HALF_DEG);
        double[] subject = polar(inverseCdf(distances, r.nextDouble()), r);
        double[] post = polar(uniform(r, COMMAND_POST_MIN_M, COMMAND_POST_MAX_M), r);
        List<double[]> officers = new java.util.ArrayList<>();
        for (int i = 0; i < OFFICERS; i++) {
            officers.add(polar(uniform(r, OFFICER_MIN_M, OFFICER_MAX_M), r));
        }
        return new SearchScenario(seed, lkp, subject, true, post, officers);
    }

    /** The same case with the subject standing still at the last known point. */
    public SearchScenario standingAtLkp() {
        return new SearchScenario(seed, lastKnownPoint, new double[] {0, 0}, false, commandPostM, officersM);
    }

    /** The distance r with F(r) = p, by bisection on 0..100 km (F is continuous and increasing). */
    static double inverseCdf(DistanceDistribution d, double p) {
        double lo = 0, hi = 100_000;
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (d.cdf(mid) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    GeoPoint geo(LocalFrame frame, double[] m) {
        return frame.toGeo(m[0], m[1]);
    }

    private static double[] polar(double rangeM, Random r) {
        double bearing = 2 * Math.PI * r.nextDouble();
        return new double[] {rangeM * Math.sin(bearing), rangeM * Math.cos(bearing)};
    }

    private static double uniform(Random r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }
}
