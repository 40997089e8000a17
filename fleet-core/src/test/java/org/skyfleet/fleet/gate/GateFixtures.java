package org.skyfleet.fleet.gate;

import java.util.List;
import org.skyfleet.fleet.geofence.AltitudeBand;
import org.skyfleet.fleet.geofence.BreachPolicy;
import org.skyfleet.fleet.geofence.GateKind;
import org.skyfleet.fleet.geofence.Zone;
import org.skyfleet.fleet.geofence.ZoneApplicability;
import org.skyfleet.fleet.geofence.ZoneKind;
import org.skyfleet.fleet.geofence.ZoneShape;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GeoPolygon;
import org.skyfleet.planner.geo.LocalFrame;

/** Gates around a fixed origin in Ningbo's Dongbu Xincheng, sizes in metres east and north of it. */
final class GateFixtures {
    static final GeoPoint ORIGIN = new GeoPoint(29.8683, 121.6147);
    private static final LocalFrame FRAME = new LocalFrame(ORIGIN);

    private GateFixtures() {
    }

    static GeoPoint at(double eastM, double northM) {
        return FRAME.toGeo(eastM, northM);
    }

    /** A square gate {@code -halfM..halfM} around {@code (eastM, northM)}. */
    static Zone square(String id, GateKind kind, double eastM, double northM, double halfM) {
        GeoPolygon p = GeoPolygon.of(List.of(at(eastM - halfM, northM - halfM), at(eastM + halfM, northM - halfM),
                at(eastM + halfM, northM + halfM), at(eastM - halfM, northM + halfM)));
        return new Zone(id, id, new ZoneShape.Polygon(p), ZoneKind.INCLUSION, AltitudeBand.unlimited(), null, kind.category(),
                ZoneApplicability.all(), BreachPolicy.WARN, kind);
    }

    static Zone circle(String id, GateKind kind, double eastM, double northM, double radiusM) {
        return new Zone(id, id, new ZoneShape.Circle(at(eastM, northM), radiusM), ZoneKind.INCLUSION, AltitudeBand.unlimited(),
                null, kind.category(), ZoneApplicability.all(), BreachPolicy.WARN, kind);
    }
}
