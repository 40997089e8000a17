package org.skyfleet.fleet.geofence;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GeoPolygon;

/**
 * One zone compiled for checking: its outline in metres in a local frame around its anchor, a point
 * locator for the polygon, and a bounding box in degrees for the index. The boundary counts as inside.
 *
 * <p>Degenerate cases: a zone across the antimeridian is not supported (its box would span the globe);
 * zones are meant to be tens of kilometres at most, where the local frame is exact to centimetres.
 */
final class ZoneGeometry {
    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final double METRES_PER_DEG_LAT = 110_574.0;
    private static final double BOX_MARGIN_DEG = 1e-5;

    private final Zone zone;
    private final EnuFrame frame;
    private final Envelope boxDeg;
    private final Polygon polygonM;
    private final IndexedPointInAreaLocator locator;
    private final Coordinate[][] ringsM;
    private final double radiusM;

    ZoneGeometry(Zone zone) {
        this.zone = zone;
        this.frame = new EnuFrame(zone.shape().anchor());
        if (zone.shape() instanceof ZoneShape.Circle c) {
            radiusM = c.radiusM();
            polygonM = null;
            locator = null;
            ringsM = null;
            double dLat = circleHalfHeightDeg(c);
            double dLon = circleHalfWidthDeg(c);
            boxDeg = new Envelope(c.centre().lonDeg() - dLon, c.centre().lonDeg() + dLon,
                    c.centre().latDeg() - dLat, c.centre().latDeg() + dLat);
        } else {
            GeoPolygon p = ((ZoneShape.Polygon) zone.shape()).polygon();
            radiusM = Double.NaN;
            polygonM = toLocalPolygon(p, frame);
            locator = new IndexedPointInAreaLocator(polygonM);
            locator.locate(new Coordinate(0, 0));  // builds the locator's index now, before publication
            ringsM = new Coordinate[1 + polygonM.getNumInteriorRing()][];
            ringsM[0] = polygonM.getExteriorRing().getCoordinates();
            for (int h = 0; h < polygonM.getNumInteriorRing(); h++) {
                ringsM[h + 1] = polygonM.getInteriorRingN(h).getCoordinates();
            }
            Envelope box = new Envelope();
            p.outer().forEach(g -> box.expandToInclude(g.lonDeg(), g.latDeg()));
            box.expandBy(Math.max(box.getWidth(), box.getHeight()) * 0.001 + BOX_MARGIN_DEG);
            boxDeg = box;
        }
    }

    Zone zone() {
        return zone;
    }

    EnuFrame frame() {
        return frame;
    }

    /** Bounding box, x = longitude, y = latitude, degrees, with a small margin. */
    Envelope boxDeg() {
        return boxDeg;
    }

    /** True when the point (already in this zone's frame, metres) is inside or on the outline. */
    boolean containsLocal(Coordinate pM) {
        if (polygonM == null) {
            return pM.x * pM.x + pM.y * pM.y <= radiusM * radiusM;
        }
        return locator.locate(pM) != Location.EXTERIOR;
    }

    /**
     * The parts of the straight segment {@code aM -> bM} (this zone's frame, metres) inside the outline,
     * as parameter intervals {@code {sFrom, sTo}} along it (s = 0 at a, 1 at b), in increasing order.
     */
    List<double[]> insideIntervals(Coordinate aM, Coordinate bM) {
        double dx = bM.x - aM.x;
        double dy = bM.y - aM.y;
        double len2 = dx * dx + dy * dy;
        List<double[]> out = new ArrayList<>(2);
        if (len2 < 1e-12) {
            if (containsLocal(aM)) {
                out.add(new double[] {0, 1});
            }
            return out;
        }
        if (polygonM == null) {
            // |a + s d|^2 = r^2  ->  len2 s^2 + 2 (a.d) s + |a|^2 - r^2 = 0
            double b = aM.x * dx + aM.y * dy;
            double c = aM.x * aM.x + aM.y * aM.y - radiusM * radiusM;
            double disc = b * b - len2 * c;
            if (disc >= 0) {
                double root = Math.sqrt(disc);
                double from = Math.max(0, (-b - root) / len2);
                double to = Math.min(1, (-b + root) / len2);
                if (from <= to) {
                    out.add(new double[] {from, to});
                }
            }
            return out;
        }
        if (!mayTouchBoundary(aM, bM)) {
            if (containsLocal(aM)) {
                out.add(new double[] {0, 1});
            }
            return out;
        }
        LineString segment = FACTORY.createLineString(new Coordinate[] {aM, bM});
        Geometry inside = polygonM.intersection(segment);
        for (int i = 0; i < inside.getNumGeometries(); i++) {
            Geometry part = inside.getGeometryN(i);
            double from = 1;
            double to = 0;
            for (Coordinate c : part.getCoordinates()) {
                double s = ((c.x - aM.x) * dx + (c.y - aM.y) * dy) / len2;
                from = Math.min(from, s);
                to = Math.max(to, s);
            }
            if (part instanceof Point || part instanceof LineString) {
                out.add(new double[] {Math.max(0, from), Math.min(1, to)});
            }
        }
        out.sort((x, y) -> Double.compare(x[0], y[0]));
        return out;
    }

    /**
     * False only when the segment certainly neither crosses nor touches any ring (every edge lies
     * strictly on one side of it, or it lies strictly on one side of every edge): then the whole segment
     * is inside or outside, as its start is. A quick test before the exact overlay.
     */
    private boolean mayTouchBoundary(Coordinate a, Coordinate b) {
        for (Coordinate[] ring : ringsM) {
            for (int i = 0; i + 1 < ring.length; i++) {
                Coordinate p = ring[i];
                Coordinate q = ring[i + 1];
                if (Orientation.index(a, b, p) * Orientation.index(a, b, q) <= 0
                        && Orientation.index(p, q, a) * Orientation.index(p, q, b) <= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when the shape's box in degrees would wrap around longitude +-180. */
    static boolean crossesAntimeridian(ZoneShape shape) {
        if (shape instanceof ZoneShape.Circle c) {
            return Math.abs(c.centre().lonDeg()) + circleHalfWidthDeg(c) > 180;
        }
        List<GeoPoint> outer = ((ZoneShape.Polygon) shape).polygon().outer();
        double min = outer.stream().mapToDouble(GeoPoint::lonDeg).min().orElse(0);
        double max = outer.stream().mapToDouble(GeoPoint::lonDeg).max().orElse(0);
        return max - min > 180;
    }

    private static double circleHalfHeightDeg(ZoneShape.Circle c) {
        return c.radiusM() / METRES_PER_DEG_LAT * 1.01 + BOX_MARGIN_DEG;
    }

    private static double circleHalfWidthDeg(ZoneShape.Circle c) {
        return circleHalfHeightDeg(c) / Math.max(Math.cos(Math.toRadians(c.centre().latDeg())), 1e-6);
    }

    /** True when the ring has at least three distinct points. */
    static boolean hasEnoughPoints(List<GeoPoint> ring) {
        return ring.stream().distinct().limit(3).count() >= 3;
    }

    /** The polygon in metres in {@code frame}, rings closed, repeated consecutive points dropped. */
    static Polygon toLocalPolygon(GeoPolygon p, EnuFrame frame) {
        LinearRing shell = ring(p.outer(), frame);
        LinearRing[] holes = p.holes().stream().map(h -> ring(h, frame)).toArray(LinearRing[]::new);
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(List<GeoPoint> points, EnuFrame frame) {
        List<Coordinate> cs = new ArrayList<>(points.size() + 1);
        for (GeoPoint g : points) {
            Coordinate c = frame.toLocal(g);
            if (cs.isEmpty() || !cs.get(cs.size() - 1).equals2D(c)) {
                cs.add(c);
            }
        }
        if (!cs.get(0).equals2D(cs.get(cs.size() - 1))) {
            cs.add(new Coordinate(cs.get(0)));
        }
        return FACTORY.createLinearRing(cs.toArray(Coordinate[]::new));
    }
}
