package org.skyfleet.planner.validation;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.LineString;

/**
 * No leg may touch an exclusion zone within the zone's altitude band (the leg's band is the range of
 * its two waypoints' altitudes). The zone itself is tested, not the routing margin around it.
 */
public final class ExclusionZoneRule implements PlanRule {
  @Override
  public String name() {
    return "exclusion";
  }

  @Override
  public List<Violation> check(RouteCheck route) {
    List<Violation> out = new ArrayList<>();
    for (int i = 1; i < route.local().size(); i++) {
      double lo = Math.min(route.waypoints().get(i - 1).altRelM(), route.waypoints().get(i).altRelM());
      double hi = Math.max(route.waypoints().get(i - 1).altRelM(), route.waypoints().get(i).altRelM());
      LineString leg = route.leg(i);
      for (RouteCheck.Zone z : route.exclusions()) {
        if (z.source().overlapsBand(lo, hi) && z.prepared().intersects(leg)) {
          out.add(Violation.error(name(), i, "leg to waypoint " + i + " crosses exclusion zone '" + z.name()
              + "': route around it or change the zone's altitude band"));
        }
      }
    }
    return out;
  }
}
