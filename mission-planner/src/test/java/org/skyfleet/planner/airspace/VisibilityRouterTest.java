package org.skyfleet.planner.airspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.skyfleet.planner.PlannerLimits;
import org.skyfleet.planner.PlanningException;
import org.skyfleet.planner.TestAreas;
import org.skyfleet.planner.geo.AreaGeometry;
import org.skyfleet.planner.geo.GeoPolygon;

class VisibilityRouterTest {
  private static VisibilityRouter router(Airspace airspace) {
    return new VisibilityRouter(LocalAirspace.of(airspace, TestAreas.FRAME, 0, 60, PlannerLimits.DEFAULTS));
  }

  private static final AirspaceZone SQUARE =
      AirspaceZone.of("stadium", GeoPolygon.of(TestAreas.ring(-100, -100, 100, -100, 100, 100, -100, 100)));

  @Test
  void aLegAcrossAZoneDetoursAroundItNearTheShortestWay() {
    VisibilityRouter r = router(Airspace.OPEN.withExclusions(List.of(SQUARE)));
    List<Coordinate> path = r.route(new Coordinate(-500, 0), new Coordinate(500, 0));

    assertThat(path.size()).isGreaterThan(2);
    LineString line = AreaGeometry.FACTORY.createLineString(path.toArray(Coordinate[]::new));
    var zone = AreaGeometry.project(SQUARE.polygon(), TestAreas.FRAME, PlannerLimits.DEFAULTS, "z");
    assertThat(line.intersects(zone)).isFalse();
    assertThat(line.distance(zone)).isGreaterThanOrEqualTo(5.0 - 1e-6);
    // shortest around a 200 m square from 400 m each side: 2*hypot(400,100)+200 ~ 1024.6 m plus the margin
    assertThat(line.getLength()).isBetween(1024.0, 1045.0);
  }

  @Test
  void aClearLegStaysStraight() {
    VisibilityRouter r = router(Airspace.OPEN.withExclusions(List.of(SQUARE)));
    assertThat(r.route(new Coordinate(-500, 300), new Coordinate(500, 300))).hasSize(2);
  }

  @Test
  void aZoneAboveTheFlightBandIsIgnored() {
    AirspaceZone high = new AirspaceZone("high", SQUARE.polygon(), 100, 400);
    VisibilityRouter r = router(Airspace.OPEN.withExclusions(List.of(high)));
    assertThat(r.route(new Coordinate(-500, 0), new Coordinate(500, 0))).hasSize(2);
  }

  @Test
  void anEndInsideAZoneFailsAndSaysWhere() {
    VisibilityRouter r = router(Airspace.OPEN.withExclusions(List.of(SQUARE)));
    assertThatThrownBy(() -> r.route(new Coordinate(-500, 0), new Coordinate(0, 0)))
        .isInstanceOfSatisfying(PlanningException.class,
            e -> assertThat(e.kind()).isEqualTo(PlanningException.Kind.FAILED_PRECONDITION))
        .hasMessageContaining("exclusion zone 'stadium'").hasMessageContaining("(47.37");
  }

  @Test
  void aTargetWalledInHasNoRoute() {
    AirspaceZone ring = AirspaceZone.of("ring", new GeoPolygon(
        TestAreas.ring(-300, -300, 300, -300, 300, 300, -300, 300),
        List.of(TestAreas.ring(-100, -100, 100, -100, 100, 100, -100, 100))));
    VisibilityRouter r = router(Airspace.OPEN.withExclusions(List.of(ring)));
    assertThatThrownBy(() -> r.route(new Coordinate(-800, 0), new Coordinate(0, 0)))
        .isInstanceOf(PlanningException.class).hasMessageContaining("no route from");
  }

  @Test
  void legsStayInsideAnInclusionZoneAroundItsNotch() {
    AirspaceZone l = AirspaceZone.of("ops", GeoPolygon.of(
        TestAreas.ring(0, 0, 1000, 0, 1000, 400, 400, 400, 400, 1000, 0, 1000)));
    VisibilityRouter r = router(new Airspace(List.of(l), List.of(), 0, 120));
    List<Coordinate> path = r.route(new Coordinate(900, 300), new Coordinate(300, 900));
    LineString line = AreaGeometry.FACTORY.createLineString(path.toArray(Coordinate[]::new));
    assertThat(AreaGeometry.project(l.polygon(), TestAreas.FRAME, PlannerLimits.DEFAULTS, "ops").covers(line)).isTrue();
  }
}
