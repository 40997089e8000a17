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
 * @param roadsM              roads, each a straight line {start, end} in {east, north} metres; empty without roads
 * @param subjectRoadEndM     for a subject on a road, the end of the road he walks towards; null otherwise
 */
public record SearchScenario(long seed, GeoPoint lastKnownPoint, double[] subjectStartM, boolean subjectWanders,
                             double[] commandPostM, List<double[]> officersM, List<double[][]> roadsM,
                             double[] subjectRoadEndM) {
    static final int ROADS = 4;
    static final double ROAD_HALF_LENGTH_M = 9000, ROAD_OFFSET_MIN_M = 300, ROAD_OFFSET_MAX_M = 3000;
    /** A subject on a road walks along it at the Wanderer's mean speed: 0.45 m/s for 300 s of every 480 s. */
    static final double ROAD_WALK_MPS = 0.45 * 300 / 480;
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
        return new SearchScenario(seed, lkp, subject, true, post, officers, List.of(), null);
    }

    /**
     * A case with roads: one through the last known point (he was last seen in a street) and three more at
     * 0.3–3 km from it, uniform directions, 18 km long. The subject's distance is drawn as in {@link #draw}; then,
     * with probability {@code shareOnRoads} (the same share the map is given), he is on a road: at a point where
     * the circle of that distance crosses a road (uniformly among the crossings), walking along it at
     * {@link #ROAD_WALK_MPS}; otherwise at a uniform bearing, wandering as in {@link #draw}.
     */
    public static SearchScenario drawWithRoads(long seed, DistanceDistribution distances, double shareOnRoads) {
        Random r = new Random(seed);
        GeoPoint lkp = new GeoPoint(REGION_CENTRE.latDeg() + (2 * r.nextDouble() - 1) * REGION_HALF_DEG,
                REGION_CENTRE.lonDeg() + (2 * r.nextDouble() - 1) * REGION_HALF_DEG);
        List<double[][]> roads = new java.util.ArrayList<>();
        for (int i = 0; i < ROADS; i++) {
            double offset = i == 0 ? 0 : uniform(r, ROAD_OFFSET_MIN_M, ROAD_OFFSET_MAX_M);
            double normal = 2 * Math.PI * r.nextDouble(), along = normal + Math.PI / 2;
            double cx = offset * Math.sin(normal), cy = offset * Math.cos(normal);
            double dx = ROAD_HALF_LENGTH_M * Math.sin(along), dy = ROAD_HALF_LENGTH_M * Math.cos(along);
            roads.add(new double[][] {{cx - dx, cy - dy}, {cx + dx, cy + dy}});
        }
        double range = inverseCdf(distances, r.nextDouble());
        double[] subject = null, end = null;
        if (r.nextDouble() < shareOnRoads) {
            List<double[]> crossings = new java.util.ArrayList<>();
            List<double[]> ends = new java.util.ArrayList<>();
            for (double[][] road : roads) {
                for (double[] c : crossings(road, range)) {
                    crossings.add(c);
                    ends.add(road[r.nextBoolean() ? 0 : 1]);
                }
            }
            int k = r.nextInt(crossings.size()); // the road through the LKP always crosses the circle twice
            subject = crossings.get(k);
            end = ends.get(k);
        } else {
            subject = polar(range, r);
        }
        double[] post = polar(uniform(r, COMMAND_POST_MIN_M, COMMAND_POST_MAX_M), r);
        List<double[]> officers = new java.util.ArrayList<>();
        for (int i = 0; i < OFFICERS; i++) {
            officers.add(polar(uniform(r, OFFICER_MIN_M, OFFICER_MAX_M), r));
        }
        return new SearchScenario(seed, lkp, subject, true, post, officers, roads, end);
    }

    /** Where the circle of radius rM around the LKP crosses the segment road[0]–road[1]. */
    static List<double[]> crossings(double[][] road, double rM) {
        double ax = road[0][0], ay = road[0][1], dx = road[1][0] - ax, dy = road[1][1] - ay;
        double a = dx * dx + dy * dy, b = 2 * (ax * dx + ay * dy), c = ax * ax + ay * ay - rM * rM;
        double disc = b * b - 4 * a * c;
        List<double[]> out = new java.util.ArrayList<>();
        if (disc < 0) {
            return out;
        }
        for (double t : new double[] {(-b - Math.sqrt(disc)) / (2 * a), (-b + Math.sqrt(disc)) / (2 * a)}) {
            if (t >= 0 && t <= 1) {
                out.add(new double[] {ax + t * dx, ay + t * dy});
            }
        }
        return out;
    }

    /** The roads as lines in the LKP's frame (metres), for the map. */
    org.locationtech.jts.geom.Geometry roadsLocal() {
        org.locationtech.jts.geom.GeometryFactory f = new org.locationtech.jts.geom.GeometryFactory();
        org.locationtech.jts.geom.LineString[] lines = roadsM.stream().map(rd -> f.createLineString(
                new org.locationtech.jts.geom.Coordinate[] {new org.locationtech.jts.geom.Coordinate(rd[0][0], rd[0][1]),
                        new org.locationtech.jts.geom.Coordinate(rd[1][0], rd[1][1])}))
                .toArray(org.locationtech.jts.geom.LineString[]::new);
        return f.createMultiLineString(lines);
    }

    /** The same case with the subject standing still at the last known point. */
    public SearchScenario standingAtLkp() {
        return new SearchScenario(seed, lastKnownPoint, new double[] {0, 0}, false, commandPostM, officersM, roadsM, null);
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
