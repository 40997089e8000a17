package org.skyfleet.fleet.search;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.skyfleet.planner.geo.AreaGeometry;
import org.skyfleet.planner.geo.GeoPolygon;
import org.skyfleet.planner.geo.LocalFrame;

/** WGS84 polygons into a search map's local frame, once, on the way in. */
final class LocalGeometry {
    private LocalGeometry() {}

    /** The union of the polygons in the frame (empty for an empty list); invalid rings are repaired by buffer(0). */
    static Geometry project(List<GeoPolygon> polygons, LocalFrame frame) {
        List<Geometry> parts = new ArrayList<>();
        for (GeoPolygon p : polygons) {
            LinearRing shell = SearchGrid.FACTORY.createLinearRing(AreaGeometry.ring(p.outer(), frame, "polygon"));
            LinearRing[] holes = new LinearRing[p.holes().size()];
            for (int h = 0; h < holes.length; h++) {
                holes[h] = SearchGrid.FACTORY.createLinearRing(AreaGeometry.ring(p.holes().get(h), frame, "hole"));
            }
            Polygon poly = SearchGrid.FACTORY.createPolygon(shell, holes);
            parts.add(poly.isValid() ? poly : poly.buffer(0));
        }
        if (parts.isEmpty()) {
            return SearchGrid.FACTORY.createPolygon();
        }
        return parts.size() == 1 ? parts.get(0) : UnaryUnionOp.union(parts);
    }
}
