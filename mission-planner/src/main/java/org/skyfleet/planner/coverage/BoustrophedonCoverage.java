package org.skyfleet.planner.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.skyfleet.planner.PlannerLimits;
import org.skyfleet.planner.PlanningException;
import org.skyfleet.planner.WaypointAction;
import org.skyfleet.planner.airspace.LocalAirspace;
import org.skyfleet.planner.route.LocalPath;

/**
 * Lawnmower coverage of a polygon with holes, near the geometric limit.
 *
 * <p>Pipeline (Fields2Cover order): {@link SweepDirection} picks the sweep angle by cost;
 * the area is rotated so sweeps run along x; {@link SwathGenerator} lays one swath per band and
 * connected piece, clipped to the airspace; {@link BoustrophedonDecomposition} groups swaths into
 * cells; a {@link CellOrder} orders the cells from the current point toward the end point; the cells
 * are flown back and forth and every leg between swaths and cells goes through the router, so legs
 * that would cross an exclusion zone detour around it. Holes are not swept, but may be overflown.
 */
public final class BoustrophedonCoverage {
  /**
   * Gaps in a band (a hole, a notch of the outline) up to this many sweep widths are flown over
   * rather than split into separate cells; exclusion zones are never flown over.
   */
  public static final double OVERFLY_GAP_WIDTHS = 2.0;

  private final CoverageCost cost;
  private final CellOrder cellOrder;
  private final PlannerLimits limits;

  public BoustrophedonCoverage(CoverageCost cost, CellOrder cellOrder, PlannerLimits limits) {
    this.cost = cost;
    this.cellOrder = cellOrder;
    this.limits = limits;
  }

  /** What one coverage run produced. */
  public record Result(double sweepAngleRad, int cells, int swaths) {
    /** Sweep direction as a heading, degrees clockwise from north, 0..180. */
    public double sweepHeadingDeg() {
      double h = 90 - Math.toDegrees(sweepAngleRad);
      return ((h % 180) + 180) % 180;
    }
  }

  /** Fails with RESOURCE_EXHAUSTED when the number of sweep lines would exceed the limit. */
  public void checkSize(Polygon area, double sweepWidthM) {
    Envelope e = area.getEnvelopeInternal();
    double lines = Math.hypot(e.getWidth(), e.getHeight()) / sweepWidthM;
    if (lines > limits.maxSweeps()) {
      throw PlanningException.exhausted(String.format(Locale.ROOT,
          "a sweep width of %.2f m over an area %.0f m across needs up to %.0f sweep lines; the limit is %d:"
              + " fly higher, widen the camera field of view or reduce the side overlap",
          sweepWidthM, Math.hypot(e.getWidth(), e.getHeight()), lines, limits.maxSweeps()));
    }
  }

  /** Chooses the sweep angle and covers the area, appending to {@code path}. */
  public Result cover(Polygon area, double sweepWidthM, LocalAirspace airspace, LocalPath path,
      Coordinate end, double altRelM) {
    checkSize(area, sweepWidthM);
    return cover(area, sweepWidthM, SweepDirection.choose(area, sweepWidthM, cost), airspace, path, end, altRelM);
  }

  /**
   * Covers the area sweeping at a given angle, appending to {@code path} from its last point; the cell
   * order aims at {@code end} (usually home) without going there.
   */
  public Result cover(Geometry area, double sweepWidthM, double angleRad, LocalAirspace airspace,
      LocalPath path, Coordinate end, double altRelM) {
    AffineTransformation toSweep = AffineTransformation.rotationInstance(-angleRad);
    Geometry rotated = toSweep.transform(area);
    Envelope universe = new Envelope(rotated.getEnvelopeInternal());
    universe.expandBy(sweepWidthM + 1000);
    Geometry allowed = null;
    if (airspace.hasConstraints()) {
      Geometry local = airspace.allowedRegion(toLocalEnvelope(universe, angleRad));
      allowed = toSweep.transform(local);
    }
    List<Cell> cells = new ArrayList<>();
    int swaths = 0;
    for (int i = 0; i < rotated.getNumGeometries(); i++) {
      if (rotated.getGeometryN(i) instanceof Polygon part && part.getArea() > 0) {
        checkSize(part, sweepWidthM);
        List<List<Swath>> bands = SwathGenerator.generate(part, sweepWidthM, allowed, OVERFLY_GAP_WIDTHS * sweepWidthM);
        cells.addAll(BoustrophedonDecomposition.decompose(bands));
        swaths += bands.stream().mapToInt(List::size).sum();
      }
    }
    if (cells.isEmpty()) {
      return new Result(angleRad, 0, 0);
    }
    Coordinate startR = rotate(path.last(), -angleRad);
    Coordinate endR = rotate(end, -angleRad);
    CellTour tour = cellOrder.order(cells, startR, endR);
    for (int k = 0; k < tour.order().length; k++) {
      List<Coordinate> legs = cells.get(tour.order()[k]).path(tour.options()[k]);
      for (Coordinate c : legs) {
        path.goTo(rotate(c, angleRad), altRelM, WaypointAction.SURVEY);
      }
    }
    return new Result(angleRad, cells.size(), swaths);
  }

  private static Envelope toLocalEnvelope(Envelope rotatedEnv, double angleRad) {
    Envelope out = new Envelope();
    for (Coordinate c : List.of(new Coordinate(rotatedEnv.getMinX(), rotatedEnv.getMinY()),
        new Coordinate(rotatedEnv.getMaxX(), rotatedEnv.getMinY()),
        new Coordinate(rotatedEnv.getMinX(), rotatedEnv.getMaxY()),
        new Coordinate(rotatedEnv.getMaxX(), rotatedEnv.getMaxY()))) {
      out.expandToInclude(rotate(c, angleRad));
    }
    return out;
  }

  /** Rotates a point counter-clockwise by {@code angleRad} about the origin. */
  static Coordinate rotate(Coordinate c, double angleRad) {
    double cos = Math.cos(angleRad);
    double sin = Math.sin(angleRad);
    return new Coordinate(c.x * cos - c.y * sin, c.x * sin + c.y * cos);
  }
}
