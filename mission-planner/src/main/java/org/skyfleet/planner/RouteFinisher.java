package org.skyfleet.planner;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.skyfleet.planner.energy.EnergyBudget;
import org.skyfleet.planner.geo.AreaGeometry;
import org.skyfleet.planner.geo.GeoPolygon;
import org.skyfleet.planner.route.LocalPath;
import org.skyfleet.planner.validation.PlanValidator;
import org.skyfleet.planner.validation.RouteCheck;
import org.skyfleet.planner.validation.Violation;

/** Turns a local path into a vehicle route: projects it out, measures it, budgets and validates it. */
final class RouteFinisher {
  private final PlanValidator validator = PlanValidator.standard();

  /** A finished route with the violations found on it. */
  record Finished(VehicleRoute route, EnergyBudget budget, List<Violation> violations) {
    boolean ok() {
      return violations.stream().noneMatch(v -> v.severity() == Violation.Severity.ERROR);
    }
  }

  Finished finish(PlanContext ctx, VehicleProfile v, LocalPath path, Geometry assigned, double coveredM2,
      double coverageRatio) {
    List<Waypoint> waypoints = path.toWaypoints(ctx.frame());
    double lengthM = path.lengthM();
    int turns = path.turns();
    double timeS = ctx.energy().flightTimeS(lengthM, turns, path.maxAltRelM(), path.holdTotalS(), v);
    EnergyBudget budget = EnergyBudget.of(timeS, v, ctx.request().reserve());
    List<Violation> violations =
        validator.validate(new RouteCheck(waypoints, ctx.frame(), ctx.request().airspace(), v, budget));
    List<GeoPolygon> area = assigned == null ? List.of() : polygons(assigned, ctx);
    VehicleRoute route = new VehicleRoute(v.id(), waypoints,
        new PlanMetrics(lengthM, turns, timeS, coveredM2, coverageRatio), area, budget.requiredS(),
        budget.availableS());
    return new Finished(route, budget, violations);
  }

  /** A one-route plan, after {@link #requireOk}. */
  static Plan singlePlan(PlanContext ctx, Pattern pattern, Finished f, Geometry footprint, double sweepWidthM) {
    requireOk(f);
    List<GeoPolygon> fp = footprint == null ? List.of() : polygons(footprint, ctx);
    return new Plan(pattern, List.of(f.route()), f.route().metrics(), fp, sweepWidthM, f.violations());
  }

  static List<GeoPolygon> polygons(Geometry g, PlanContext ctx) {
    List<GeoPolygon> out = new ArrayList<>();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      if (g.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
        out.add(AreaGeometry.toGeo(p, ctx.frame()));
      }
    }
    return out;
  }

  /** Throws FAILED_PRECONDITION listing every error violation, if there is one. */
  static void requireOk(Finished f) {
    if (!f.ok()) {
      List<Violation> errors =
          f.violations().stream().filter(v -> v.severity() == Violation.Severity.ERROR).toList();
      StringBuilder msg = new StringBuilder("plan for vehicle '" + f.route().vehicleId() + "' is not flyable:");
      for (Violation v : errors) {
        msg.append(" [").append(v.rule()).append("] ").append(v.message()).append(';');
      }
      throw new PlanningException(PlanningException.Kind.FAILED_PRECONDITION, msg.toString(), errors);
    }
  }
}
