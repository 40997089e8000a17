package org.skyfleet.fleet.geofence;

import java.util.List;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GeoPolygon;
import org.skyfleet.planner.geo.LocalFrame;

/** Small builders for zones around a fixed origin in central London, sizes in metres. */
final class TestZones {
    static final GeoPoint ORIGIN = new GeoPoint(51.5034, -0.1276);
    private static final LocalFrame FRAME = new LocalFrame(ORIGIN);

    private TestZones() {
    }

    /** The point {@code eastM, northM} metres from {@link #ORIGIN}. */
    static GeoPoint at(double eastM, double northM) {
        return FRAME.toGeo(eastM, northM);
    }

    /** An axis-aligned rectangle in metres from the origin. */
    static GeoPolygon rect(double west, double south, double east, double north) {
        return GeoPolygon.of(List.of(at(west, south), at(east, south), at(east, north), at(west, north)));
    }

    static Zone exclusion(String id, ZoneShape shape) {
        return new Zone(id, "no-fly " + id, shape, ZoneKind.EXCLUSION, AltitudeBand.unlimited(), null,
                ZoneCategory.TEMPORARY_RESTRICTION, ZoneApplicability.all(), BreachPolicy.HOLD);
    }

    static Zone inclusion(String id, ZoneShape shape) {
        return new Zone(id, "area " + id, shape, ZoneKind.INCLUSION, AltitudeBand.unlimited(), null,
                ZoneCategory.POLICE_OPERATING_AREA, ZoneApplicability.all(), BreachPolicy.RETURN_TO_LAUNCH);
    }

    /** A square exclusion {@code -halfM..halfM} around {@code (eastM, northM)}. */
    static Zone squareExclusion(String id, double eastM, double northM, double halfM) {
        return exclusion(id, new ZoneShape.Polygon(
                rect(eastM - halfM, northM - halfM, eastM + halfM, northM + halfM)));
    }

    static Zone circleExclusion(String id, double eastM, double northM, double radiusM) {
        return exclusion(id, new ZoneShape.Circle(at(eastM, northM), radiusM));
    }
}
