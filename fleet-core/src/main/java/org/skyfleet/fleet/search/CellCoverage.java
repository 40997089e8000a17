package org.skyfleet.fleet.search;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Area of each grid cell that lies inside a geometry (a camera footprint, a lake), square metres.
 *
 * <p>Only cells under the geometry's envelope are visited; a prepared geometry answers "wholly inside" and
 * "disjoint" cheaply, and only boundary cells pay for an exact intersection. Parts of the geometry outside
 * the grid are ignored. An empty or null geometry covers nothing.
 */
final class CellCoverage {
    private CellCoverage() {}

    /** Covered area per cell, indexed like the grid (row-major). */
    static double[] areasM2(SearchGrid grid, Geometry local) {
        double[] out = new double[grid.cellCount()];
        if (local == null || local.isEmpty() || local.getArea() <= 0) {
            return out;
        }
        Envelope env = local.getEnvelopeInternal().intersection(grid.envelope());
        if (env.isNull()) {
            return out;
        }
        PreparedGeometry prep = PreparedGeometryFactory.prepare(local);
        int c0 = grid.colOf(env.getMinX()), c1 = grid.colOf(env.getMaxX());
        int r0 = grid.rowOf(env.getMinY()), r1 = grid.rowOf(env.getMaxY());
        double full = grid.cellAreaM2();
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                Polygon cell = grid.cellPolygon(c, r);
                if (!prep.intersects(cell)) {
                    continue;
                }
                out[r * grid.cols() + c] = prep.covers(cell) ? full
                        : Math.min(full, OverlayNGRobust.overlay(cell, local, OverlayNG.INTERSECTION).getArea());
            }
        }
        return out;
    }
}
