package org.skyfleet.fleet.search;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.LocalFrame;

/**
 * The ground a nadir camera imaged along a flown track, as a polygon in a map's local frame.
 *
 * <p>At each sample the camera's across-track line reaches altitude · tan(halfFov) either side of the
 * drone, perpendicular to the heading. Between two consecutive samples the swept area is the convex hull
 * of their two lines; the footprint is the union of these quadrilaterals. The along-track depth of the
 * image is ignored, which under-counts a little at the ends (conservative: POA is never taken from ground
 * not seen).
 *
 * <p>Degenerate cases: a sample at or below 0 m AGL breaks the track (nothing is seen until the next two
 * airborne samples); fewer than two airborne samples in a row give an empty footprint.
 */
public final class CameraFootprints {
    private CameraFootprints() {}

    /**
     * @param samples flown positions in time order
     * @param halfFovDeg half the camera's across-track field of view, degrees, 0 (exclusive)..90 (exclusive)
     * @param frame the map's frame ({@link ProbabilityMap#frame()})
     */
    public static Geometry swept(List<FlownSample> samples, double halfFovDeg, LocalFrame frame) {
        if (!(halfFovDeg > 0 && halfFovDeg < 90)) {
            throw new IllegalArgumentException("half field of view " + halfFovDeg + "° must be between 0 and 90°");
        }
        double tan = Math.tan(Math.toRadians(halfFovDeg));
        List<Geometry> pieces = new ArrayList<>();
        Coordinate[] previous = null;
        for (FlownSample s : samples) {
            Coordinate[] line = s.altitudeAglM() > 0 ? acrossTrack(s, tan, frame) : null;
            if (line != null && previous != null) {
                MultiPoint corners = SearchGrid.FACTORY.createMultiPointFromCoords(
                        new Coordinate[] {previous[0], previous[1], line[0], line[1]});
                Geometry hull = corners.convexHull();
                if (hull.getArea() > 0) {
                    pieces.add(hull);
                }
            }
            previous = line;
        }
        return pieces.isEmpty() ? SearchGrid.FACTORY.createPolygon() : UnaryUnionOp.union(pieces);
    }

    private static Coordinate[] acrossTrack(FlownSample s, double tanHalfFov, LocalFrame frame) {
        Coordinate c = frame.toLocal(new GeoPoint(s.latDeg(), s.lonDeg()));
        double h = s.altitudeAglM() * tanHalfFov;
        double heading = Math.toRadians(s.headingDeg());
        // across-track unit vector: the heading (sin, cos) turned 90° clockwise
        double ax = Math.cos(heading), ay = -Math.sin(heading);
        return new Coordinate[] {new Coordinate(c.x - h * ax, c.y - h * ay), new Coordinate(c.x + h * ax, c.y + h * ay)};
    }
}
