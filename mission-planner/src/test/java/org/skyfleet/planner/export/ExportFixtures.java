package org.skyfleet.planner.export;

import java.util.List;
import org.skyfleet.planner.PlanMetrics;
import org.skyfleet.planner.TestAreas;
import org.skyfleet.planner.VehicleRoute;
import org.skyfleet.planner.Waypoint;
import org.skyfleet.planner.WaypointAction;
import org.skyfleet.planner.geo.GeoPoint;

final class ExportFixtures {
  private ExportFixtures() {}

  static Waypoint wp(double x, double y, double alt, WaypointAction a, double hold) {
    GeoPoint g = TestAreas.at(x, y);
    return new Waypoint(g.latDeg(), g.lonDeg(), alt, a, hold);
  }

  static VehicleRoute route() {
    return new VehicleRoute("d1", List.of(
        wp(0, 0, 40, WaypointAction.TAKEOFF, 0),
        wp(100, 0, 40, WaypointAction.SURVEY, 0),
        wp(100, 100, 40, WaypointAction.LOITER, 30),
        wp(0, 0, 40, WaypointAction.RETURN_TO_LAUNCH, 0)),
        new PlanMetrics(341, 2, 100, 0, 0), List.of(), 200, 1000);
  }
}
