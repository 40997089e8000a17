package org.skyfleet.planner.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.skyfleet.planner.MissionPlanner;
import org.skyfleet.planner.Plan;
import org.skyfleet.planner.PlanRequest;
import org.skyfleet.planner.TestAreas;
import org.skyfleet.planner.WaypointAction;
import org.skyfleet.planner.airspace.Airspace;

class PointInspectionTest {
  @Test
  void orbitPointsLieOnTheCircleStartingTowardTheVehicle() {
    Coordinate target = new Coordinate(100, 100);
    List<Coordinate> orbit = PointInspection.orbit(target, new Coordinate(100, -500), new InspectionParameters(30, 2, 40));
    assertThat(orbit).allSatisfy(c -> assertThat(c.distance(target)).isCloseTo(30, offset(1e-9)));
    assertThat(orbit.get(0).distance(new Coordinate(100, 70))).isLessThan(1e-9);
    assertThat(orbit.get(orbit.size() - 1).distance(orbit.get(0))).isLessThan(1e-9);
  }

  @Test
  void planGoesOutOrbitsAndReturns() {
    Plan plan = new MissionPlanner().plan(PlanRequest.inspection(TestAreas.at(500, 500),
        new InspectionParameters(25, 1, 40), TestAreas.drone("d1", 0, 0), Airspace.OPEN));
    var wps = plan.routes().get(0).waypoints();
    assertThat(wps.get(0).action()).isEqualTo(WaypointAction.TAKEOFF);
    assertThat(wps.stream().filter(w -> w.action() == WaypointAction.ORBIT).count()).isGreaterThanOrEqualTo(9);
    assertThat(wps.get(wps.size() - 1).action()).isEqualTo(WaypointAction.RETURN_TO_LAUNCH);
    assertThat(plan.metrics().lengthM()).isCloseTo(2 * (Math.hypot(500, 500) - 25) + 2 * Math.PI * 25, offset(3.0));
  }
}
