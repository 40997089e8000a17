package org.skyfleet.planner.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.skyfleet.planner.PlannerLimits;
import org.skyfleet.planner.TestAreas;
import org.skyfleet.planner.WaypointAction;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.planner.airspace.AirspaceZone;
import org.skyfleet.planner.airspace.LocalAirspace;
import org.skyfleet.planner.airspace.VisibilityRouter;
import org.skyfleet.planner.geo.GeoPolygon;

class LocalPathTest {
  private final VisibilityRouter router = new VisibilityRouter(LocalAirspace.of(
      Airspace.OPEN.withExclusions(List.of(AirspaceZone.of("z",
          GeoPolygon.of(TestAreas.ring(-50, -50, 50, -50, 50, 50, -50, 50))))),
      TestAreas.FRAME, 0, 100, PlannerLimits.DEFAULTS));

  @Test
  void aLegThroughAZoneGainsDetourPointsMarkedNavigate() {
    LocalPath path = new LocalPath(router).add(new Coordinate(-200, 0), 40, WaypointAction.TAKEOFF, 0);
    path.goTo(new Coordinate(200, 0), 40, WaypointAction.SURVEY);
    assertThat(path.size()).isGreaterThan(2);
    var wps = path.toWaypoints(TestAreas.FRAME);
    assertThat(wps.get(0).action()).isEqualTo(WaypointAction.TAKEOFF);
    assertThat(wps.subList(1, wps.size() - 1)).allSatisfy(w -> assertThat(w.action()).isEqualTo(WaypointAction.NAVIGATE));
    assertThat(wps.get(wps.size() - 1).action()).isEqualTo(WaypointAction.SURVEY);
  }

  @Test
  void aZeroLengthLegKeepsTheTakeOff() {
    LocalPath path = new LocalPath(router).add(new Coordinate(-200, 0), 40, WaypointAction.TAKEOFF, 0);
    path.goTo(new Coordinate(-200, 0), 40, WaypointAction.SURVEY);
    assertThat(path.size()).isEqualTo(1);
    assertThat(path.toWaypoints(TestAreas.FRAME).get(0).action()).isEqualTo(WaypointAction.TAKEOFF);
  }
}
