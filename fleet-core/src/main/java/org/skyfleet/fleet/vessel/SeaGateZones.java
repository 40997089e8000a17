package org.skyfleet.fleet.vessel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.skyfleet.fleet.geofence.Zone;
import org.skyfleet.fleet.geofence.ZoneApplicability;
import org.skyfleet.fleet.geofence.ZoneCategory;
import org.skyfleet.fleet.geofence.ZoneShape;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * The geofence zones that concern vessels (categories SEA_GATE and VESSEL_EXCLUSION), compiled for
 * containment. Polygons are tested in degrees (a harbour is a few kilometres: the error is centimetres),
 * circles by great-circle distance; the outline counts as inside.
 */
public final class SeaGateZones {
    /**
     * What a sea-gate zone applies to as a geofence: a vehicle id no vehicle has, so drones and robots are never
     * held to a port's outline (vessels are not vehicles; the sea gate's rules read these zones themselves).
     */
    public static final ZoneApplicability VESSELS_ONLY = ZoneApplicability.vehicles("ais-vessels");

    /** One zone compiled. */
    public record Compiled(Zone zone, IndexedPointInAreaLocator locator) {
        public boolean contains(double latDeg, double lonDeg) {
            if (zone.shape() instanceof ZoneShape.Circle c) {
                return DeadReckoning.distanceM(c.centre().latDeg(), c.centre().lonDeg(), latDeg, lonDeg) <= c.radiusM();
            }
            return locator.locate(new Coordinate(lonDeg, latDeg)) != Location.EXTERIOR;
        }
    }

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final List<Compiled> gates;
    private final List<Compiled> exclusions;

    private SeaGateZones(List<Compiled> gates, List<Compiled> exclusions) {
        this.gates = gates;
        this.exclusions = exclusions;
    }

    /** The vessel zones among {@code zones}; the others are left out. */
    public static SeaGateZones of(Collection<Zone> zones) {
        List<Compiled> gates = new ArrayList<>();
        List<Compiled> exclusions = new ArrayList<>();
        for (Zone z : zones) {
            if (z.category() == ZoneCategory.SEA_GATE) {
                gates.add(compile(z));
            } else if (z.category() == ZoneCategory.VESSEL_EXCLUSION) {
                exclusions.add(compile(z));
            }
        }
        return new SeaGateZones(List.copyOf(gates), List.copyOf(exclusions));
    }

    private static Compiled compile(Zone z) {
        if (z.shape() instanceof ZoneShape.Polygon p) {
            Polygon poly = FACTORY.createPolygon(ring(p.polygon().outer()),
                    p.polygon().holes().stream().map(SeaGateZones::ring).toArray(LinearRing[]::new));
            return new Compiled(z, new IndexedPointInAreaLocator(poly));
        }
        return new Compiled(z, null);
    }

    private static LinearRing ring(List<GeoPoint> points) {
        Coordinate[] c = new Coordinate[points.size() + 1];
        for (int i = 0; i < points.size(); i++) {
            c[i] = new Coordinate(points.get(i).lonDeg(), points.get(i).latDeg());
        }
        c[points.size()] = c[0];
        return FACTORY.createLinearRing(c);
    }

    public List<Compiled> gates() {
        return gates;
    }

    public List<Compiled> exclusions() {
        return exclusions;
    }

    /** True when the point lies in any sea-gate zone (in port). */
    public boolean inPort(double latDeg, double lonDeg) {
        return gates.stream().anyMatch(g -> g.contains(latDeg, lonDeg));
    }
}
