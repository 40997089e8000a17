package org.skyfleet.planner.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
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
    Map<List<Integer>, PreparedGeometry> unions = new HashMap<>();
    for (int i = 1; i < route.local().size(); i++) {
      double lo = Math.min(route.waypoints().get(i - 1).altRelM(), route.waypoints().get(i).altRelM());
      double hi = Math.max(route.waypoints().get(i - 1).altRelM(), route.waypoints().get(i).altRelM());
      List<Integer> inBand = new ArrayList<>();
      for (int z = 0; z < route.inclusions().size(); z++) {
        if (route.inclusions().get(z).source().containsBand(lo, hi)) {
          inBand.add(z);
        }
      }
      LineString leg = route.leg(i);
      PreparedGeometry allowed = inBand.isEmpty() ? null : unions.computeIfAbsent(inBand, key -> {
        List<Geometry> zones = new ArrayList<>();
        key.forEach(z -> zones.add(route.inclusions().get(z).polygon()));
        return PreparedGeometryFactory.prepare(UnaryUnionOp.union(zones));
      });
      if (allowed == null || !allowed.covers(leg)) {
        out.add(Violation.error(name(), i, "leg to waypoint " + i
            + " leaves the inclusion zones (or their altitude band): move the waypoint inside"));
      }
    }
    return out;
  }
}
