package org.skyfleet.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.planner.airspace.AirspaceZone;
import org.skyfleet.planner.coverage.CameraModel;
import org.skyfleet.planner.geo.GeoPolygon;
import org.skyfleet.planner.sar.SearchParameters;
import org.skyfleet.planner.validation.Violation;

class MissionPlannerTest {
  private static final CameraModel CAMERA = new CameraModel(90, 50, 0); // 100 m sweep width
  private final MissionPlanner planner = new MissionPlanner();

  private static VehicleProfile drone(String id, double speed, double enduranceS, double battery) {
    return new VehicleProfile(id, VehicleKind.MULTICOPTER, TestAreas.at(-50, -50), TestAreas.at(-50, -50), speed, 3,
        enduranceS, battery);
  }

  @Test
  void coverageOfARectangleIsNearTheLowerBound() {
    Plan plan = planner.plan(PlanRequest.coverage(TestAreas.rectangle(1000, 600), CAMERA,
        List.of(drone("d1", 10, 1e5, 100)), Airspace.OPEN, SplitPolicy.FIRST_VEHICLE));

    VehicleRoute r = plan.routes().get(0);
    assertThat(r.waypoints().get(0).action()).isEqualTo(WaypointAction.TAKEOFF);
    assertThat(r.waypoints().get(r.waypoints().size() - 1).action()).isEqualTo(WaypointAction.RETURN_TO_LAUNCH);
    assertThat(plan.sweepWidthM()).isCloseTo(100, offset(1e-9));
    // six sweeps of 1000 m along the long side, five 100 m connectors, about 71 m in and 1090 m home
    assertThat(plan.metrics().turns()).isBetween(10, 12);
    assertThat(plan.metrics().lengthM()).isBetween(6500.0, 6500.0 + 71 + 1090 + 5);
    assertThat(plan.metrics().coverageRatio()).isGreaterThan(0.999);
    assertThat(plan.warnings()).isEmpty();
  }

  @Test
  void aNoFlyZoneInsideTheAreaIsFlownAroundAndReportedAsLostCoverage() {
    GeoPolygon nfz = GeoPolygon.of(TestAreas.ring(400, 200, 600, 200, 600, 400, 400, 400));
    Airspace airspace = Airspace.OPEN.withExclusions(List.of(AirspaceZone.of("hospital pad", nfz)));
    Plan plan = planner.plan(PlanRequest.coverage(TestAreas.rectangle(1000, 600), CAMERA,
        List.of(drone("d1", 10, 1e5, 100)), airspace, SplitPolicy.FIRST_VEHICLE));

    Geometry zone = RandomAreas.local(List.of(new double[] {400, 200, 600, 200, 600, 400, 400, 400}));
    PlanInvariants.assertNoLegCrosses(plan, List.of(zone));
    assertThat(plan.metrics().coverageRatio()).isBetween(0.85, 0.99);
    assertThat(plan.warnings()).extracting(Violation::rule).contains("coverage");
  }

  @Test
  void anAreaInsideANoFlyZoneHasNothingToFly() {
    GeoPolygon nfz = GeoPolygon.of(TestAreas.ring(-100, -100, 1100, -100, 1100, 700, -100, 700));
    Airspace airspace = Airspace.OPEN.withExclusions(List.of(AirspaceZone.of("airport", nfz)));
    assertThatThrownBy(() -> planner.plan(PlanRequest.coverage(TestAreas.rectangle(1000, 600), CAMERA,
        List.of(TestAreas.drone("d1", -500, -500)), airspace, SplitPolicy.FIRST_VEHICLE)))
        .isInstanceOfSatisfying(PlanningException.class,
            e -> assertThat(e.kind()).isEqualTo(PlanningException.Kind.FAILED_PRECONDITION))
        .hasMessageContaining("no part of the area can be flown").hasMessageContaining("airport");
  }

  @Test
  void aPlanThatDoesNotFitTheBatterySaysWhatItNeedsAgainstWhatIsAvailable() {
    assertThatThrownBy(() -> planner.plan(PlanRequest.coverage(TestAreas.rectangle(2000, 2000), CAMERA,
        List.of(drone("d1", 10, 1200, 100)), Airspace.OPEN, SplitPolicy.FIRST_VEHICLE)))
        .isInstanceOfSatisfying(PlanningException.class, e -> {
          assertThat(e.kind()).isEqualTo(PlanningException.Kind.FAILED_PRECONDITION);
          assertThat(e.violations()).extracting(Violation::rule).containsExactly("energy");
        })
        .hasMessageMatching("(?s).*needs \\d+ s \\(\\d+ s flight \\+ 240 s reserve\\), 1200 s available.*");
  }

  @Test
  void asNeededAddsVehiclesUntilEveryPartFits() {
    List<VehicleProfile> fleet = List.of(drone("a", 10, 2400, 100), drone("b", 10, 2400, 100),
        drone("c", 10, 2400, 100), drone("d", 10, 2400, 100));
    Plan plan = planner.plan(PlanRequest.coverage(TestAreas.rectangle(2000, 1500), CAMERA, fleet, Airspace.OPEN,
        SplitPolicy.AS_NEEDED));

    assertThat(plan.routes().size()).isBetween(2, 3);
    assertThat(plan.routes()).allSatisfy(r -> assertThat(r.requiredS()).isLessThanOrEqualTo(r.availableS()));
    assertThat(plan.metrics().coverageRatio()).isGreaterThan(0.999);
  }

  @Test
  void vehiclesOfDifferentSpeedsFinishAtAboutTheSameTime() {
    List<VehicleProfile> fleet = List.of(drone("slow", 6, 1e5, 100), drone("fast", 12, 1e5, 100));
    Plan plan = planner.plan(PlanRequest.coverage(TestAreas.rectangle(3000, 2000), CAMERA, fleet, Airspace.OPEN,
        SplitPolicy.ALL_VEHICLES));

    double t0 = plan.routes().get(0).metrics().flightTimeS();
    double t1 = plan.routes().get(1).metrics().flightTimeS();
    assertThat(Math.abs(t0 - t1) / Math.max(t0, t1)).isLessThan(0.15);
    assertThat(plan.metrics().coverageRatio()).isGreaterThan(0.999);
  }

  @Test
  void aConcaveAreaIsCutAcrossWhenCuttingAlongWouldLeaveAPartInTwoPieces() {
    // a wide U: a cut along the (horizontal) sweeps at half the area would leave both arms in the top part
    GeoPolygon u = GeoPolygon.of(TestAreas.ring(0, 0, 3000, 0, 3000, 1000, 2000, 1000, 2000, 300, 1000, 300,
        1000, 1000, 0, 1000));
    Plan plan = planner.plan(PlanRequest.coverage(u, CAMERA, List.of(drone("a", 10, 1e5, 100),
        drone("b", 10, 1e5, 100)), Airspace.OPEN, SplitPolicy.ALL_VEHICLES));

    assertThat(plan.routes()).hasSize(2).allSatisfy(r -> assertThat(r.assignedArea()).hasSize(1));
    assertThat(plan.metrics().coverageRatio()).isGreaterThan(0.999);
  }

  @Test
  void aGroundRobotCoversAnAreaOnTheGround() {
    VehicleProfile robot = new VehicleProfile("r1", VehicleKind.GROUND_ROBOT, TestAreas.at(-20, -20),
        TestAreas.at(-20, -20), 2, 0, 1e5, 100);
    Plan plan = planner.plan(PlanRequest.coverage(TestAreas.rectangle(400, 300), CAMERA, List.of(robot),
        Airspace.OPEN, SplitPolicy.FIRST_VEHICLE));
    List<Waypoint> wps = plan.routes().get(0).waypoints();
    assertThat(wps).allSatisfy(w -> assertThat(w.altRelM()).isZero())
        .noneMatch(w -> w.action() == WaypointAction.TAKEOFF || w.action() == WaypointAction.RETURN_TO_LAUNCH);
  }

  @Test
  void expandingSquareCoversItsSquare() {
    Plan plan = planner.plan(PlanRequest.datumSearch(Pattern.EXPANDING_SQUARE, TestAreas.at(0, 0), CAMERA,
        new SearchParameters(500, 0, false), drone("d1", 10, 1e5, 100), Airspace.OPEN));
    assertThat(plan.metrics().coverageRatio()).isGreaterThan(0.95);
    assertThat(plan.footprint()).isNotEmpty();
  }

  @Test
  void missingInputsAreInvalidArguments() {
    assertThatThrownBy(() -> planner.plan(PlanRequest.coverage(TestAreas.rectangle(100, 100), null,
        List.of(drone("d1", 10, 1e5, 100)), Airspace.OPEN, null)))
        .isInstanceOfSatisfying(PlanningException.class,
            e -> assertThat(e.kind()).isEqualTo(PlanningException.Kind.INVALID_ARGUMENT))
        .hasMessageContaining("camera");
    assertThatThrownBy(() -> planner.plan(PlanRequest.coverage(TestAreas.rectangle(100, 100), CAMERA,
        List.of(), Airspace.OPEN, null))).hasMessageContaining("at least one vehicle");
    assertThatThrownBy(() -> planner.plan(PlanRequest.coverage(TestAreas.rectangle(100, 100), CAMERA,
        List.of(drone("d1", 0, 1e5, 100)), Airspace.OPEN, null))).hasMessageContaining("cruise speed");
  }

  @Test
  void aTinySweepWidthOverALargeAreaIsTooMuchWork() {
    assertThatThrownBy(() -> planner.plan(PlanRequest.coverage(TestAreas.rectangle(5000, 5000),
        new CameraModel(1, 1, 0), List.of(drone("d1", 10, 1e5, 100)), Airspace.OPEN, null)))
        .isInstanceOfSatisfying(PlanningException.class,
            e -> assertThat(e.kind()).isEqualTo(PlanningException.Kind.RESOURCE_EXHAUSTED))
        .hasMessageContaining("sweep lines");
  }

  @Test
  void validateReportsEveryBrokenRuleOfAnImportedRoute() {
    GeoPolygon nfz = GeoPolygon.of(TestAreas.ring(100, -50, 200, -50, 200, 50, 100, 50));
    Airspace airspace = new Airspace(List.of(), List.of(AirspaceZone.of("prison", nfz)), 0, 120);
    List<Waypoint> route = List.of(
        new Waypoint(TestAreas.at(0, 0).latDeg(), TestAreas.at(0, 0).lonDeg(), 50, WaypointAction.TAKEOFF, 0),
        new Waypoint(TestAreas.at(300, 0).latDeg(), TestAreas.at(300, 0).lonDeg(), 150, WaypointAction.NAVIGATE, 0));
    List<Violation> v = planner.validate(route, null, airspace, null);
    assertThat(v).extracting(Violation::rule).containsExactlyInAnyOrder("exclusion", "altitude");
  }
}
