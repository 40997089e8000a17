package org.skyfleet.fleet.search;

import java.util.List;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GeoPolygon;
import org.skyfleet.planner.geo.LocalFrame;

/** Small builders for search tests: squares and points given in metres east/north of an origin. */
final class SearchFixtures {
    private SearchFixtures() {}

    static GeoPoint at(GeoPoint origin, double eastM, double northM) {
        return new LocalFrame(origin).toGeo(eastM, northM);
    }

    /** A square of side sideM centred eastM/northM from origin. */
    static GeoPolygon square(GeoPoint origin, double eastM, double northM, double sideM) {
        LocalFrame f = new LocalFrame(origin);
        double h = sideM / 2;
        return GeoPolygon.of(List.of(f.toGeo(eastM - h, northM - h), f.toGeo(eastM + h, northM - h),
                f.toGeo(eastM + h, northM + h), f.toGeo(eastM - h, northM + h)));
    }
}
