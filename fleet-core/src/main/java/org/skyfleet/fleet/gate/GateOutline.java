package org.skyfleet.fleet.gate;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.skyfleet.fleet.geofence.Zone;
import org.skyfleet.fleet.geofence.ZoneShape;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GeoPolygon;

/**
 * One gate's outline, compiled for the two questions the detector asks: is a point inside (the outline
 * counts as inside), and does the straight path between two points touch it. Coordinates are (lon, lat)
 * degrees: a gate is at most a few kilometres across, where treating degrees as planar errs by centimetres.
 * A circle becomes a 64-sided polygon in a local equirectangular frame around its centre.
 */
public final class GateOutline {
    static final GeometryFactory FACTORY = new GeometryFactory();
    private static final int CIRCLE_SIDES = 64;
    private static final double METRES_PER_DEG_LAT = 111_320.0;

    private final Zone zone;
    private final Geometry geometry;
    private final PreparedGeometry prepared;

    private GateOutline(Zone zone, Geometry geometry) {
        this.zone = zone;
        this.geometry = geometry;
        this.prepared = PreparedGeometryFactory.prepare(geometry);
    }

    /** Compiles a gate zone. @throws IllegalArgumentException if the zone is no gate */
    public static GateOutline of(Zone zone) {
        if (!zone.category().isGate()) {
            throw new IllegalArgumentException("zone " + zone.id() + " is a " + zone.category() + ", not a gate");
        }
        if (zone.shape() instanceof ZoneShape.Polygon p) {
            GeoPolygon poly = p.polygon();
            return new GateOutline(zone, FACTORY.createPolygon(ring(poly.outer()),
                    poly.holes().stream().map(GateOutline::ring).toArray(LinearRing[]::new)));
        }
        ZoneShape.Circle c = (ZoneShape.Circle) zone.shape();
        Coordinate[] ring = new Coordinate[CIRCLE_SIDES + 1];
        double latRad = Math.toRadians(c.centre().latDeg());
        for (int i = 0; i < CIRCLE_SIDES; i++) {
            double a = 2 * Math.PI * i / CIRCLE_SIDES;
            double northM = c.radiusM() * Math.cos(a);
            double eastM = c.radiusM() * Math.sin(a);
            ring[i] = new Coordinate(c.centre().lonDeg() + eastM / (METRES_PER_DEG_LAT * Math.cos(latRad)),
                    c.centre().latDeg() + northM / METRES_PER_DEG_LAT);
        }
        ring[CIRCLE_SIDES] = ring[0];
        return new GateOutline(zone, FACTORY.createPolygon(ring));
    }

    private static LinearRing ring(List<GeoPoint> points) {
        Coordinate[] c = new Coordinate[points.size() + 1];
        for (int i = 0; i < points.size(); i++) {
            c[i] = new Coordinate(points.get(i).lonDeg(), points.get(i).latDeg());
        }
        c[points.size()] = c[0];
        return FACTORY.createLinearRing(c);
    }

    public Zone zone() {
        return zone;
    }

    public String id() {
        return zone.id();
    }

    /** The outline as (lon, lat) degrees, for indexing. */
    public Geometry geometry() {
        return geometry;
    }

    /** True when the point is inside or on the outline. */
    public boolean contains(double latDeg, double lonDeg) {
        return prepared.covers(FACTORY.createPoint(new Coordinate(lonDeg, latDeg)));
    }

    /** True when the straight path from the first point to the second touches the gate anywhere. */
    public boolean touchedBy(double fromLatDeg, double fromLonDeg, double toLatDeg, double toLonDeg) {
        return prepared.intersects(FACTORY.createLineString(new Coordinate[] {
            new Coordinate(fromLonDeg, fromLatDeg), new Coordinate(toLonDeg, toLatDeg)}));
    }
}
