package org.skyfleet.fleet.search;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.LocalFrame;

/**
 * Square cells in a local east-north frame centred on the last known point. Cell (col, row) counts from
 * the south-west corner; with an odd number of columns and rows the last known point is the centre of
 * the middle cell. Cells are indexed row-major: {@code index = row * cols + col}.
 *
 * @param frame the local frame, origin at the last known point
 * @param cellSizeM cell side, metres
 * @param cols cells west to east (= rows: the grid is square)
 */
public record SearchGrid(LocalFrame frame, double cellSizeM, int cols) {
    /** Most cells a side: 199² = 39,601 cells, under the 40,000 budget. */
    public static final int MAX_CELLS_PER_SIDE = 199;
    static final GeometryFactory FACTORY = new GeometryFactory();

    public SearchGrid {
        if (!(cellSizeM > 0) || cols < 1 || cols % 2 == 0) {
            throw new IllegalArgumentException("a search grid needs a positive cell size and an odd number of cells"
                    + " a side, got " + cellSizeM + " m and " + cols);
        }
    }

    /**
     * The grid that reaches at least halfWidthM from the last known point in each direction, with cells of
     * at least minCellSizeM, grown as needed to keep within {@link #MAX_CELLS_PER_SIDE}.
     */
    public static SearchGrid around(GeoPoint lkp, double halfWidthM, double minCellSizeM) {
        double cell = Math.max(minCellSizeM, 2 * halfWidthM / (MAX_CELLS_PER_SIDE - 1));
        int half = (int) Math.ceil(halfWidthM / cell - 0.5);
        return new SearchGrid(new LocalFrame(lkp), cell, 2 * half + 1);
    }

    public int rows() {
        return cols;
    }

    public int cellCount() {
        return cols * cols;
    }

    public double cellAreaM2() {
        return cellSizeM * cellSizeM;
    }

    /** Distance from the last known point to the grid's edge, metres. */
    public double halfWidthM() {
        return cols * cellSizeM / 2;
    }

    public double minXM() {
        return -halfWidthM();
    }

    public double centreXM(int col) {
        return minXM() + (col + 0.5) * cellSizeM;
    }

    public double centreYM(int row) {
        return minXM() + (row + 0.5) * cellSizeM;
    }

    /** Column holding easting xM, clamped to the grid. */
    public int colOf(double xM) {
        return Math.max(0, Math.min(cols - 1, (int) Math.floor((xM - minXM()) / cellSizeM)));
    }

    public int rowOf(double yM) {
        return colOf(yM);
    }

    public Envelope cellEnvelope(int col, int row) {
        double x = minXM() + col * cellSizeM;
        double y = minXM() + row * cellSizeM;
        return new Envelope(x, x + cellSizeM, y, y + cellSizeM);
    }

    /** The cells [col0, col1) × [row0, row1) as one rectangle, local frame. */
    public Polygon block(int col0, int row0, int col1, int row1) {
        double x0 = minXM() + col0 * cellSizeM, x1 = minXM() + col1 * cellSizeM;
        double y0 = minXM() + row0 * cellSizeM, y1 = minXM() + row1 * cellSizeM;
        return FACTORY.createPolygon(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x1, y0),
                new Coordinate(x1, y1), new Coordinate(x0, y1), new Coordinate(x0, y0)});
    }

    public Polygon cellPolygon(int col, int row) {
        return block(col, row, col + 1, row + 1);
    }

    public Envelope envelope() {
        return new Envelope(minXM(), -minXM(), minXM(), -minXM());
    }
}
