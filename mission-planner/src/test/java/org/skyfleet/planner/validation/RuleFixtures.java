package org.skyfleet.planner.validation;

import java.util.ArrayList;
import java.util.List;
import org.skyfleet.planner.TestAreas;
import org.skyfleet.planner.VehicleProfile;
import org.skyfleet.planner.Waypoint;
import org.skyfleet.planner.WaypointAction;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.planner.energy.EnergyBudget;
import org.skyfleet.planner.geo.GeoPoint;

/** Routes for rule tests, built from local x,y,alt triples. */
final class RuleFixtures {
  private RuleFixtures() {}

  static List<Waypoint> route(double... xyz) {
    List<Waypoint> out = new ArrayList<>();
    for (int i = 0; i < xyz.length; i += 3) {
      GeoPoint g = TestAreas.at(xyz[i], xyz[i + 1]);
      out.add(new Waypoint(g.latDeg(), g.lonDeg(), xyz[i + 2], WaypointAction.NAVIGATE, 0));
    }
    return out;
  }

  static RouteCheck check(List<Waypoint> route, Airspace airspace) {
    return new RouteCheck(route, TestAreas.FRAME, airspace, null, null);
  }

  static RouteCheck check(VehicleProfile v, EnergyBudget budget) {
    return new RouteCheck(route(0, 0, 50), TestAreas.FRAME, Airspace.OPEN, v, budget);
  }
}
