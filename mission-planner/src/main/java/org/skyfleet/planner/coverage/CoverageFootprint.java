package org.skyfleet.planner.coverage;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.skyfleet.planner.geo.AreaGeometry;

/**
 * What a path sees: the path buffered by half the sweep width, intersected with the area.
 *
 * <p>Coverage ratio = area(footprint) / area(area). Degenerate cases: a path of one point covers a disc;
 * an empty path covers nothing (ratio 0).
 *
 * @param footprint covered part of the area, local frame
 * @param coveredM2 its area, square metres
 * @param ratio coveredM2 divided by the area's area, 0..1
 */
public record CoverageFootprint(Geometry footprint, double coveredM2, double ratio) {

  public static CoverageFootprint of(List<Coordinate> path, double sweepWidthM, Geometry area) {
    if (path.isEmpty()) {
      return new CoverageFootprint(AreaGeometry.FACTORY.createPolygon(), 0, 0);
    }
    Geometry line = path.size() == 1
        ? AreaGeometry.FACTORY.createPoint(path.get(0))
        : AreaGeometry.FACTORY.createLineString(path.toArray(Coordinate[]::new));
    BufferParameters params = new BufferParameters(6, BufferParameters.CAP_ROUND, BufferParameters.JOIN_ROUND, 5);
    Geometry swept = org.locationtech.jts.operation.buffer.BufferOp.bufferOp(line, sweepWidthM / 2, params);
    Geometry covered = OverlayNGRobust.overlay(swept, area, OverlayNG.INTERSECTION);
    double a = area.getArea();
    return new CoverageFootprint(covered, covered.getArea(), a > 0 ? covered.getArea() / a : 0);
  }
}
