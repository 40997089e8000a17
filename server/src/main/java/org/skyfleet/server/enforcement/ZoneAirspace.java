package org.skyfleet.server.enforcement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.skyfleet.fleet.geofence.AltitudeReference;
import org.skyfleet.fleet.geofence.Zone;
import org.skyfleet.fleet.geofence.ZoneKind;
import org.skyfleet.fleet.geofence.ZoneShape;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.planner.airspace.AirspaceZone;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GeoPolygon;

/**
 * The zones active at an instant as the planner's and the command check's airspace. Circles become
 * 32-gons drawn outside the circle (so nothing inside it is ever allowed). Bands above mean sea level
 * cannot be compared with heights above home without the terrain, so such zones apply at all heights
 * here: the conservative reading.
 */
public final class ZoneAirspace {
    static final int CIRCLE_SIDES = 32;
    private static final double M_PER_DEG = 111_320.0;

    private ZoneAirspace() {
    }

    /** {@code base} with every zone active at {@code at} added. */
    public static Airspace with(Airspace base, Collection<Zone> zones, Instant at) {
        List<AirspaceZone> inclusions = new ArrayList<>(base.inclusions());
        List<AirspaceZone> exclusions = new ArrayList<>(base.exclusions());
        for (Zone z : zones) {
            if (z.schedule() != null && !z.schedule().isActiveAt(at)) {
                continue;
            }
            boolean relative = z.band().reference() != AltitudeReference.AMSL;
            double floor = relative ? z.band().floorM() : 0;
            double ceiling = relative ? z.band().ceilingM() : 1e6;
            AirspaceZone az = new AirspaceZone(z.name(), polygon(z.shape()), floor, ceiling);
            (z.kind() == ZoneKind.INCLUSION ? inclusions : exclusions).add(az);
        }
        return new Airspace(inclusions, exclusions, base.minAltRelM(), base.maxAltRelM());
    }

    static GeoPolygon polygon(ZoneShape shape) {
        if (shape instanceof ZoneShape.Polygon p) {
            return p.polygon();
        }
        ZoneShape.Circle c = (ZoneShape.Circle) shape;
        double r = c.radiusM() / Math.cos(Math.PI / CIRCLE_SIDES);  // circumscribed: the polygon contains the circle
        double mPerDegLon = M_PER_DEG * Math.cos(Math.toRadians(c.centre().latDeg()));
        List<GeoPoint> ring = new ArrayList<>(CIRCLE_SIDES);
        for (int i = 0; i < CIRCLE_SIDES; i++) {
            double a = 2 * Math.PI * i / CIRCLE_SIDES;
            ring.add(new GeoPoint(c.centre().latDeg() + r * Math.cos(a) / M_PER_DEG, c.centre().lonDeg() + r * Math.sin(a) / mPerDegLon));
        }
        return GeoPolygon.of(ring);
    }
}
