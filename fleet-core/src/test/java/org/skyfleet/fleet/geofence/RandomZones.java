package org.skyfleet.fleet.geofence;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GeoPolygon;

/** Seeded random no-fly zones over a city: star-shaped polygons (5-12 vertices) and circles, 20-200 m across. */
final class RandomZones {
    private RandomZones() {
    }

    /** {@code count} exclusions, half polygons and half circles, centres within {@code halfSideM} of the origin. */
    static List<Zone> city(int count, double halfSideM, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Zone> zones = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double cx = rnd.nextDouble(-halfSideM, halfSideM);
            double cy = rnd.nextDouble(-halfSideM, halfSideM);
            double r = rnd.nextDouble(10, 100);  // metres
            ZoneShape shape = i % 2 == 0 ? new ZoneShape.Circle(TestZones.at(cx, cy), r) : star(rnd, cx, cy, r);
            zones.add(TestZones.exclusion("z" + i, shape));
        }
        return zones;
    }

    private static ZoneShape star(SplittableRandom rnd, double cx, double cy, double r) {
        int n = rnd.nextInt(5, 13);
        List<GeoPoint> ring = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            double a = 2 * Math.PI * k / n;
            double rk = r * rnd.nextDouble(0.4, 1.0);
            ring.add(TestZones.at(cx + rk * Math.cos(a), cy + rk * Math.sin(a)));
        }
        return new ZoneShape.Polygon(GeoPolygon.of(ring));
    }
}
