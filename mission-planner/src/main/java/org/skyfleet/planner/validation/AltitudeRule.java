package org.skyfleet.planner.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.skyfleet.planner.VehicleKind;
import org.skyfleet.planner.Waypoint;
import org.skyfleet.planner.WaypointAction;

/**
 * Every waypoint at or below the airspace's maximum altitude; for multicopters, every en-route waypoint
 * (not the take-off, return or landing) at or above its minimum altitude.
 */
public final class AltitudeRule implements PlanRule {
  @Override
  public String name() {
    return "altitude";
  }

  @Override
  public List<Violation> check(RouteCheck route) {
    List<Violation> out = new ArrayList<>();
    double max = route.airspace().maxAltRelM();
    double min = route.airspace().minAltRelM();
    boolean flying = route.vehicle() == null || route.vehicle().kind() == VehicleKind.MULTICOPTER;
    for (int i = 0; i < route.waypoints().size(); i++) {
      Waypoint w = route.waypoints().get(i);
      if (w.altRelM() > max) {
        out.add(Violation.error(name(), i, String.format(Locale.ROOT,
            "waypoint %d at %.1f m is above the %.1f m ceiling: fly lower", i, w.altRelM(), max)));
      }
      boolean enRoute = w.action() != WaypointAction.LAND && w.action() != WaypointAction.RETURN_TO_LAUNCH;
      if (flying && enRoute && w.altRelM() < min) {
        out.add(Violation.error(name(), i, String.format(Locale.ROOT,
            "waypoint %d at %.1f m is below the %.1f m floor: fly higher", i, w.altRelM(), min)));
      }
    }
    return out;
  }
}
