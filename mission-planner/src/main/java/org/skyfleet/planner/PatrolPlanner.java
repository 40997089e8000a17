package org.skyfleet.planner;

import org.skyfleet.planner.energy.EnergyModel;
import org.skyfleet.planner.geo.LocalFrame;
import org.skyfleet.planner.patrol.PatrolLoop;
import org.skyfleet.planner.patrol.PatrolParameters;
import org.skyfleet.planner.route.LocalPath;

/** PATROL for the first vehicle: laps through the checkpoints, then home. */
final class PatrolPlanner {
  private final PlannerLimits limits;
  private final EnergyModel energy;
  private final RouteFinisher finisher = new RouteFinisher();

  PatrolPlanner(PlannerLimits limits, EnergyModel energy) {
    this.limits = limits;
    this.energy = energy;
  }

  Plan plan(PlanRequest r) {
    PatrolParameters p = r.patrol();
    if (p == null || p.checkpoints().isEmpty()) {
      throw PlanningException.invalid("a patrol needs checkpoints");
    }
    VehicleProfile v = MissionPlanner.requireVehicles(r).get(0);
    LocalFrame frame = new LocalFrame(p.checkpoints().get(0).validate("checkpoint 0"));
    double alt = v.kind() == VehicleKind.GROUND_ROBOT ? 0 : p.altRelM();
    PlanContext ctx = PlanContext.of(r, limits, energy, frame, alt);
    LocalPath path = ctx.begin(v, alt);
    PatrolLoop.append(path, p, v, frame, energy, ctx.local(v.home()));
    ctx.end(path, v, alt);
    return RouteFinisher.singlePlan(ctx, Pattern.PATROL, finisher.finish(ctx, v, path, null, 0, 0), null, 0);
  }
}
