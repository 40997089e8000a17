package org.skyfleet.planner;

import org.locationtech.jts.geom.Coordinate;
import org.skyfleet.planner.energy.EnergyModel;
import org.skyfleet.planner.geo.LocalFrame;
import org.skyfleet.planner.inspection.InspectionParameters;
import org.skyfleet.planner.inspection.PointInspection;
import org.skyfleet.planner.route.LocalPath;

/** POINT_INSPECTION for the first vehicle: to the target's orbit, around it, home. */
final class InspectionPlanner {
  private final PlannerLimits limits;
  private final EnergyModel energy;
  private final RouteFinisher finisher = new RouteFinisher();

  InspectionPlanner(PlannerLimits limits, EnergyModel energy) {
    this.limits = limits;
    this.energy = energy;
  }

  Plan plan(PlanRequest r) {
    InspectionParameters p = r.inspection();
    if (r.datum() == null || p == null) {
      throw PlanningException.invalid("a point inspection needs a target (datum) and orbit parameters");
    }
    if (p.orbitRadiusM() > limits.maxExtentM() / 2) {
      throw PlanningException.exhausted("orbit radius " + p.orbitRadiusM() + " m is over the limit of "
          + limits.maxExtentM() / 2 + " m");
    }
    VehicleProfile v = MissionPlanner.requireVehicles(r).get(0);
    LocalFrame frame = new LocalFrame(r.datum().validate("inspection target"));
    double alt = PlanContext.altitudeFor(v, p.altRelM());
    PlanContext ctx = PlanContext.of(r, limits, energy, frame, alt);
    LocalPath path = ctx.begin(v, alt);
    for (Coordinate c : PointInspection.orbit(new Coordinate(0, 0), path.last(), p)) {
      path.goTo(c, alt, WaypointAction.ORBIT);
    }
    ctx.end(path, v, alt);
    return RouteFinisher.singlePlan(ctx, Pattern.POINT_INSPECTION, finisher.finish(ctx, v, path, null, 0, 0), null, 0);
  }
}
