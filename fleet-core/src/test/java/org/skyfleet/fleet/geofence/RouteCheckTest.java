package org.skyfleet.fleet.geofence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.skyfleet.fleet.geofence.TestZones.inclusion;
import static org.skyfleet.fleet.geofence.TestZones.rect;
import static org.skyfleet.fleet.geofence.TestZones.squareExclusion;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.vehicle.VehicleKind;
import org.skyfleet.planner.geo.GeoPoint;

class RouteCheckTest {
    private static final Instant NOON = Instant.parse("2026-11-27T12:00:00Z");
    private static final VehicleKind COPTER = VehicleKind.MULTICOPTER;

    private static RouteWaypoint wp(double eastM, double northM, double altRelM) {
        GeoPoint p = TestZones.at(eastM, northM);
        return new RouteWaypoint(p.latDeg(), p.lonDeg(), altRelM);
    }

    private static RouteCheck over(Zone... zones) {
        ZoneIndex index = ZoneIndex.of(List.of(zones));
        return new RouteCheck(() -> index);
    }

    @Test
    void legThroughANoFlyZoneIsNamedWithWhereItEnters() {
        RouteCheck check = over(squareExclusion("sq", 500, 0, 100));  // x 400..600
        List<RouteWaypoint> route = List.of(wp(0, -300, 50), wp(0, 0, 50), wp(1000, 0, 50));

        assertThat(check.checkRoute(route, COPTER, NOON)).singleElement().satisfies(b -> {
            assertThat(b.legIndex()).isEqualTo(1);
            assertThat(b.zone().id()).isEqualTo("sq");
            assertThat(b.reason()).isEqualTo(BreachReason.INSIDE_EXCLUSION);
            assertThat(b.distanceAlongLegM()).isCloseTo(400, within(0.1));
            assertThat(b.message()).startsWith("leg 1 (waypoint 1 to 2) is inside no-fly zone 'no-fly sq' (sq) 400 m after waypoint 1");
        });
    }

    @Test
    void legPassingJustBesideTheZoneIsClear() {
        RouteCheck check = over(squareExclusion("sq", 500, 0, 100));
        assertThat(check.checkRoute(List.of(wp(0, 100.1, 50), wp(1000, 100.1, 50)), COPTER, NOON)).isEmpty();
        assertThat(check.checkRoute(List.of(wp(0, 99.9, 50), wp(1000, 99.9, 50)), COPTER, NOON)).hasSize(1);
    }

    @Test
    void legClimbingOverAZoneBelowIsClearOnlyAboveItsCeiling() {
        RouteCheck check = over(squareExclusion("low", 500, 0, 100).withBand(AltitudeBand.relative(0, 60)));
        assertThat(check.checkRoute(List.of(wp(0, 0, 60.1), wp(1000, 0, 60.1)), COPTER, NOON)).isEmpty();
        assertThat(check.checkRoute(List.of(wp(0, 0, 59.9), wp(1000, 0, 59.9)), COPTER, NOON)).hasSize(1);
        // climbing from 0 to 100 m over 1000 m passes 60 m at 600 m, the zone's far edge: touches it
        assertThat(check.checkRoute(List.of(wp(0, 0, 0), wp(1000, 0, 100)), COPTER, NOON)).hasSize(1);
        // from 34 m it is at 60.4 m over the near edge (400 m), from 33 m at 59.8 m
        assertThat(check.checkRoute(List.of(wp(0, 0, 34), wp(1000, 0, 100)), COPTER, NOON)).isEmpty();
        assertThat(check.checkRoute(List.of(wp(0, 0, 33), wp(1000, 0, 100)), COPTER, NOON)).singleElement()
                .satisfies(b -> assertThat(b.distanceAlongLegM()).isCloseTo(400, within(0.1)));
    }

    @Test
    void scheduleDecidesWhetherTheZoneCounts() {
        Zone evening = squareExclusion("ev", 500, 0, 100)
                .withSchedule(ZoneSchedule.Weekly.daily(LocalTime.of(18, 0), LocalTime.of(23, 0), "Europe/London"));
        RouteCheck check = over(evening);
        List<RouteWaypoint> route = List.of(wp(0, 0, 50), wp(1000, 0, 50));

        assertThat(check.checkRoute(route, COPTER, NOON)).isEmpty();
        assertThat(check.checkRoute(route, COPTER, Instant.parse("2026-11-27T18:00:00Z"))).hasSize(1);
    }

    @Test
    void routeLeavingTheOperatingAreaOrClimbingThroughItsCeiling() {
        Zone area = inclusion("area", new ZoneShape.Polygon(rect(0, -500, 1000, 500))).withBand(AltitudeBand.relative(0, 120));
        RouteCheck check = over(area);

        assertThat(check.checkRoute(List.of(wp(100, 0, 50), wp(900, 0, 50)), COPTER, NOON)).isEmpty();
        assertThat(check.checkRoute(List.of(wp(100, 0, 50), wp(900, 0, 50), wp(1100, 0, 50)), COPTER, NOON))
                .singleElement().satisfies(b -> {
                    assertThat(b.legIndex()).isEqualTo(1);
                    assertThat(b.reason()).isEqualTo(BreachReason.OUTSIDE_INCLUSION);
                    assertThat(b.distanceAlongLegM()).isCloseTo(100, within(0.1));
                });
        assertThat(check.checkRoute(List.of(wp(100, 0, 50), wp(900, 0, 150)), COPTER, NOON))
                .singleElement().satisfies(b -> {
                    assertThat(b.reason()).isEqualTo(BreachReason.ABOVE_CEILING);
                    assertThat(b.altRelM()).isCloseTo(120, within(0.01));
                });
        assertThat(check.checkRoute(List.of(wp(1100, 0, 50), wp(900, 0, 50)), COPTER, NOON))
                .singleElement().satisfies(b -> assertThat(b.distanceAlongLegM()).isZero());
    }

    @Test
    void singleWaypointIsCheckedAsAPointAndNoWaypointPasses() {
        RouteCheck check = over(squareExclusion("sq", 0, 0, 100));
        assertThat(check.checkRoute(List.of(wp(0, 0, 10)), COPTER, NOON)).hasSize(1);
        assertThat(check.checkRoute(List.of(wp(200, 0, 10)), COPTER, NOON)).isEmpty();
        assertThat(check.checkRoute(List.of(), COPTER, NOON)).isEmpty();
    }

    @Test
    void zoneForRoversDoesNotStopACopterRoute() {
        RouteCheck check = over(squareExclusion("sq", 500, 0, 100).withAppliesTo(ZoneApplicability.kinds(VehicleKind.GROUND_ROVER)));
        List<RouteWaypoint> route = List.of(wp(0, 0, 0), wp(1000, 0, 0));
        assertThat(check.checkRoute(route, COPTER, NOON)).isEmpty();
        assertThat(check.checkRoute(route, VehicleKind.GROUND_ROVER, NOON)).hasSize(1);
    }

    @Test
    void amslBandComparedWithHomeAltitudePlusRelative() {
        RouteCheck check = over(squareExclusion("sq", 500, 0, 100).withBand(AltitudeBand.amsl(0, 150)));
        List<RouteWaypoint> route = List.of(wp(0, 0, 60), wp(1000, 0, 60));
        assertThat(check.checkRoute("d1", COPTER, route, 90.1, NOON)).isEmpty();
        assertThat(check.checkRoute("d1", COPTER, route, 89.9, NOON)).hasSize(1);
        assertThat(check.checkRoute(route, COPTER, NOON)).as("home unknown: counted as inside").hasSize(1);
    }
}
