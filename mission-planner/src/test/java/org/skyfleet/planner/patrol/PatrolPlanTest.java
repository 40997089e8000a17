package org.skyfleet.planner.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.skyfleet.planner.MissionPlanner;
import org.skyfleet.planner.Plan;
import org.skyfleet.planner.PlanRequest;
import org.skyfleet.planner.PlanningException;
import org.skyfleet.planner.TestAreas;
import org.skyfleet.planner.VehicleKind;
import org.skyfleet.planner.VehicleProfile;
import org.skyfleet.planner.Waypoint;
import org.skyfleet.planner.WaypointAction;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.planner.geo.GeoPoint;

class PatrolPlanTest {
  private final MissionPlanner planner = new MissionPlanner();
  private final List<GeoPoint> checkpoints = List.of(TestAreas.at(0, 0), TestAreas.at(400, 0), TestAreas.at(400, 300));

  @Test
  void aDroneFliesTheLapsAndLoitersToKeepThePeriod() {
    VehicleProfile drone = TestAreas.drone("d1", -100, 0);
    Plan plan = planner.plan(PlanRequest.patrol(new PatrolParameters(checkpoints, null, 3, 300, 40, 0), drone,
        Airspace.OPEN));
    List<Waypoint> wps = plan.routes().get(0).waypoints();

    assertThat(wps.get(0).action()).isEqualTo(WaypointAction.TAKEOFF);
    assertThat(wps.get(wps.size() - 1).action()).isEqualTo(WaypointAction.RETURN_TO_LAUNCH);
    List<Waypoint> loiters = wps.stream().filter(w -> w.action() == WaypointAction.LOITER).toList();
    assertThat(loiters).hasSize(2);
    // lap 1200 m at 12 m/s = 100 s plus 3 turns at 12/2.5 s: 114.4 s; loiter fills the 300 s period
    assertThat(loiters.get(0).holdS()).isCloseTo(300 - 114.4, org.assertj.core.data.Offset.offset(0.5));
    assertThat(plan.metrics().lengthM()).isCloseTo(100 + 3 * 1200 + 100, org.assertj.core.data.Offset.offset(1.0));
  }

  @Test
  void aLapLongerThanThePeriodFails() {
    VehicleProfile drone = TestAreas.drone("d1", -100, 0);
    assertThatThrownBy(() -> planner.plan(PlanRequest.patrol(new PatrolParameters(checkpoints, null, 2, 60, 40, 0),
        drone, Airspace.OPEN)))
        .isInstanceOfSatisfying(PlanningException.class,
            e -> assertThat(e.kind()).isEqualTo(PlanningException.Kind.FAILED_PRECONDITION))
        .hasMessageContaining("longer than the 60 s period");
  }

  @Test
  void aGroundRobotKeepsToTheCorridors() {
    CorridorNetwork net = new CorridorNetwork(
        List.of(TestAreas.at(0, 0), TestAreas.at(400, 0), TestAreas.at(400, 300), TestAreas.at(0, 300)),
        List.of(new Corridor(0, 1), new Corridor(1, 2), new Corridor(2, 3), new Corridor(3, 0)));
    VehicleProfile robot = new VehicleProfile("r1", VehicleKind.GROUND_ROBOT, TestAreas.at(0, 300),
        TestAreas.at(0, 300), 2, 0, 36_000, 100);
    List<GeoPoint> cps = List.of(TestAreas.at(0, 1), TestAreas.at(400, 299));
    Plan plan = planner.plan(PlanRequest.patrol(new PatrolParameters(cps, net, 1, 0, 0, 5), robot, Airspace.OPEN));

    List<Waypoint> wps = plan.routes().get(0).waypoints();
    assertThat(wps).allSatisfy(w -> assertThat(w.altRelM()).isZero());
    // every leg runs along a corridor: one coordinate is constant
    for (int i = 1; i < wps.size(); i++) {
      Coordinate a = TestAreas.FRAME.toLocal(new GeoPoint(wps.get(i - 1).latDeg(), wps.get(i - 1).lonDeg()));
      Coordinate b = TestAreas.FRAME.toLocal(new GeoPoint(wps.get(i).latDeg(), wps.get(i).lonDeg()));
      assertThat(Math.min(Math.abs(a.x - b.x), Math.abs(a.y - b.y))).isLessThan(0.01);
    }
    // start -> node 0 (300 m), lap 0 -> 2 -> 0 (1400 m), back home to node 3 (300 m)
    assertThat(plan.metrics().lengthM()).isCloseTo(2000, org.assertj.core.data.Offset.offset(1.0));
  }
}
