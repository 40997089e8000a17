package org.skyfleet.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.planner.airspace.AirspaceZone;
import org.skyfleet.planner.coverage.CameraModel;
import org.skyfleet.planner.coverage.SwathGenerator;
import org.skyfleet.planner.geo.GeoPolygon;

class CoveragePropertiesTest {
  private static final CameraModel CAMERA = new CameraModel(70, 40, 20);

  @Property(tries = 120)
  void everyPointOfTheAreaIsWithinHalfASweepWidthOfThePath(@ForAll @LongRange(max = 1_000_000) long seed) {
    List<double[]> rings = RandomAreas.rings(seed, 0, 0, 4);
    Polygon area = RandomAreas.local(rings);
    Plan plan = new MissionPlanner().plan(PlanRequest.coverage(RandomAreas.geo(rings), CAMERA,
        List.of(TestAreas.drone("d", -900, -900)), Airspace.OPEN, SplitPolicy.FIRST_VEHICLE));

    PlanInvariants.assertCovered(plan, area, SwathGenerator.BAND_SLACK_M, seed, 200);
    assertThat(plan.metrics().coverageRatio()).isGreaterThan(0.999);
  }

  @Property(tries = 25)
  void aSplitAmongVehiclesStillCoversEveryPoint(@ForAll @LongRange(max = 1_000_000) long seed,
      @ForAll @IntRange(min = 2, max = 3) int k) {
    List<double[]> rings = RandomAreas.rings(seed, 0, 0, 3);
    List<VehicleProfile> fleet = new java.util.ArrayList<>();
    for (int i = 0; i < k; i++) {
      double a = 2 * Math.PI * i / k;
      fleet.add(new VehicleProfile("v" + i, VehicleKind.MULTICOPTER, TestAreas.at(900 * Math.cos(a), 900 * Math.sin(a)),
          TestAreas.at(900 * Math.cos(a), 900 * Math.sin(a)), 8 + 4 * i, 3, 1e6, 100));
    }
    Plan plan = new MissionPlanner().plan(PlanRequest.coverage(RandomAreas.geo(rings), CAMERA, fleet, Airspace.OPEN,
        SplitPolicy.ALL_VEHICLES));

    assertThat(plan.routes()).hasSize(k);
    PlanInvariants.assertCovered(plan, RandomAreas.local(rings), SwathGenerator.BAND_SLACK_M, seed, 150);
  }

  @Property(tries = 60)
  void everyLegStaysInsideTheInclusionZone(@ForAll @LongRange(max = 1_000_000) long seed) {
    List<double[]> rings = RandomAreas.rings(seed, 0, 0, 2);
    java.util.Random rnd = new java.util.Random(seed);
    double w = 350 + rnd.nextDouble() * 400, h = 350 + rnd.nextDouble() * 400;
    double[] box = {-w, -h, w, -h, w, h, -w, h};
    Airspace airspace = new Airspace(List.of(AirspaceZone.of("ops", GeoPolygon.of(TestAreas.ring(box)))), List.of(),
        0, 120);

    Plan plan = new MissionPlanner().plan(PlanRequest.coverage(RandomAreas.geo(rings), CAMERA,
        List.of(TestAreas.drone("d", 0, 0)), airspace, SplitPolicy.FIRST_VEHICLE));

    Geometry inclusion = RandomAreas.local(List.of(box));
    for (VehicleRoute r : plan.routes()) {
      assertThat(inclusion.covers(PlanInvariants.line(PlanInvariants.local(r)))).isTrue();
    }
    Geometry reachable = RandomAreas.local(rings).intersection(inclusion.buffer(-(5 + CAMERA.sweepWidthM())));
    assertThat(plan.metrics().areaCoveredM2()).isGreaterThanOrEqualTo(0.98 * reachable.getArea());
  }

  @Property(tries = 100)
  void noLegCrossesAnExclusionZone(@ForAll @LongRange(max = 1_000_000) long seed) {
    List<double[]> rings = RandomAreas.rings(seed, 0, 0, 2);
    java.util.Random rnd = new java.util.Random(seed);
    List<double[]> zoneRings = new java.util.ArrayList<>();
    for (int k = 0; k < 1 + rnd.nextInt(2); k++) {
      double x = (rnd.nextDouble() - 0.5) * 600, y = (rnd.nextDouble() - 0.5) * 600, r = 30 + rnd.nextDouble() * 60;
      zoneRings.add(new double[] {x - r, y - r, x + r, y - r, x + r, y + r, x - r, y + r});
    }
    List<AirspaceZone> zones = zoneRings.stream()
        .map(z -> AirspaceZone.of("nfz", GeoPolygon.of(TestAreas.ring(z)))).toList();
    List<Geometry> localZones = zoneRings.stream().map(z -> (Geometry) RandomAreas.local(List.of(z))).toList();
    Airspace airspace = Airspace.OPEN.withExclusions(zones);

    Plan plan = new MissionPlanner().plan(PlanRequest.coverage(RandomAreas.geo(rings), CAMERA,
        List.of(TestAreas.drone("d", -900, -900)), airspace, SplitPolicy.FIRST_VEHICLE));

    PlanInvariants.assertNoLegCrosses(plan, localZones);
    Polygon area = RandomAreas.local(rings);
    Geometry reachable = area;
    for (Geometry z : localZones) {
      reachable = reachable.difference(z.buffer(5 + CAMERA.sweepWidthM()));
    }
    assertThat(plan.metrics().coverageRatio())
        .isGreaterThanOrEqualTo(0.98 * reachable.getArea() / area.getArea());
  }
}
