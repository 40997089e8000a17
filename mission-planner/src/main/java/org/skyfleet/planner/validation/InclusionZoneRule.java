package org.skyfleet.planner.validation;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * When the airspace has inclusion zones, every leg must lie inside the union of the zones whose
 * altitude band holds the leg's altitudes. Without inclusion zones the rule passes.
 */
public final class InclusionZoneRule implements PlanRule {
  @Override
  public String name() {
    return "inclusion";
  }

  @Override
  public List<Violation> check(RouteCheck route) {
    List<Violation> out = new ArrayList<>();
    if (route.inclusions().isEmpty()) {
      return out;
    }
    for (int i = 1; i < route.local().size(); i++) {
      double lo = Math.min(route.waypoints().get(i - 1).altRelM(), route.waypoints().get(i).altRelM());
      double hi = Math.max(route.waypoints().get(i - 1).altRelM(), route.waypoints().get(i).altRelM());
      List<Geometry> zones = new ArrayList<>();
      for (RouteCheck.Zone z : route.inclusions()) {
        if (z.source().containsBand(lo, hi)) {
          zones.add(z.polygon());
        }
      }
      LineString leg = route.leg(i);
      if (zones.isEmpty() || !UnaryUnionOp.union(zones).covers(leg)) {
        out.add(Violation.error(name(), i, "leg to waypoint " + i
            + " leaves the inclusion zones (or their altitude band): move the waypoint inside"));
      }
    }
    return out;
  }
}
