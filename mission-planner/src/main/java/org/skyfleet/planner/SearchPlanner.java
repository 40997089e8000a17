package org.skyfleet.planner;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.skyfleet.planner.coverage.CoverageFootprint;
import org.skyfleet.planner.energy.EnergyModel;
import org.skyfleet.planner.geo.AreaGeometry;
import org.skyfleet.planner.geo.LocalFrame;
import org.skyfleet.planner.route.LocalPath;
import org.skyfleet.planner.sar.ExpandingSquare;
import org.skyfleet.planner.sar.RectangleSweep;
import org.skyfleet.planner.sar.SearchParameters;
import org.skyfleet.planner.sar.SectorSearch;

/**
 * The IAMSAR patterns for the first vehicle: expanding square and sector around the datum, parallel
 * track and creeping line over the area. Coverage is measured against the square, the circle or the
 * area searched.
 */
final class SearchPlanner {
  private final PlannerLimits limits;
  private final EnergyModel energy;
  private final RouteFinisher finisher = new RouteFinisher();

  SearchPlanner(PlannerLimits limits, EnergyModel energy) {
    this.limits = limits;
    this.energy = energy;
  }

  Plan plan(PlanRequest r) {
    if (r.camera() == null) {
      throw PlanningException.invalid(r.pattern() + " needs a camera model to derive the track spacing");
    }
    double s = r.camera().sweepWidthM();
    VehicleProfile v = MissionPlanner.requireVehicles(r).get(0);
    double alt = r.camera().altitudeAglM();
    boolean rectangle = r.pattern() == Pattern.PARALLEL_TRACK || r.pattern() == Pattern.CREEPING_LINE;
    LocalFrame frame;
    Geometry searched;
    List<Coordinate> points;
    PlanContext ctx;
    if (rectangle) {
      AreaGeometry.checkInput(r.area(), limits, "area");
      frame = AreaGeometry.frameFor(r.area());
      Polygon area = AreaGeometry.project(r.area(), frame, limits, "area");
      ctx = PlanContext.of(r, limits, energy, frame, alt);
      points = RectangleSweep.points(area, s, r.pattern() == Pattern.PARALLEL_TRACK, ctx.local(v.start()));
      searched = area;
    } else {
      if (r.datum() == null || r.search() == null) {
        throw PlanningException.invalid(r.pattern() + " needs a datum and search parameters (radius, course)");
      }
      frame = new LocalFrame(r.datum().validate("datum"));
      ctx = PlanContext.of(r, limits, energy, frame, alt);
      SearchParameters p = r.search();
      if (!(p.radiusM() > 0) || p.radiusM() > limits.maxExtentM() / 2) {
        throw p.radiusM() > 0
            ? PlanningException.exhausted("search radius " + p.radiusM() + " m is over the limit of "
                + limits.maxExtentM() / 2 + " m: split the search into smaller areas")
            : PlanningException.invalid("search radius must be above 0 m, got " + p.radiusM());
      }
      Coordinate datum = new Coordinate(0, 0);
      if (r.pattern() == Pattern.EXPANDING_SQUARE) {
        points = ExpandingSquare.points(datum, s, p.radiusM(), p.courseDeg());
        Geometry square = AreaGeometry.FACTORY.toGeometry(
            new Envelope(-p.radiusM(), p.radiusM(), -p.radiusM(), p.radiusM()));
        searched = AffineTransformation.rotationInstance(-Math.toRadians(p.courseDeg())).transform(square);
      } else {
        points = SectorSearch.points(datum, p.radiusM(), p.courseDeg(), p.secondPass());
        searched = AreaGeometry.FACTORY.createPoint(datum).buffer(p.radiusM(), 16);
      }
    }
    LocalPath path = ctx.begin(v, alt);
    for (Coordinate c : points) {
      path.goTo(c, PlanContext.altitudeFor(v, alt), WaypointAction.SURVEY);
    }
    ctx.end(path, v, alt);
    CoverageFootprint fp = CoverageFootprint.of(path.points(), s, searched);
    RouteFinisher.Finished f = finisher.finish(ctx, v, path, null, fp.coveredM2(), fp.ratio());
    return RouteFinisher.singlePlan(ctx, r.pattern(), f, fp.footprint(), s);
  }
}
