package org.skyfleet.fleet.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.planner.airspace.AirspaceZone;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GeoPolygon;
import org.skyfleet.planner.geo.GreatCircle;

/** The way to a scene round a no-fly zone, a scene inside one, and night at the scene. */
class ResponseRouteTest {
    private static final GeoPoint DOCK = new GeoPoint(29.872, 121.556);

    private static GeoPoint at(double northM, double eastM) {
        return new GeoPoint(DOCK.latDeg() + northM / 111_320.0,
                DOCK.lonDeg() + eastM / (111_320.0 * Math.cos(Math.toRadians(DOCK.latDeg()))));
    }

    /** A 400 m square no-fly zone centred 1 km east, from the ground up. */
    private static Airspace squareAt1kmEast() {
        List<GeoPoint> ring = new ArrayList<>(List.of(at(-200, 800), at(-200, 1200), at(200, 1200), at(200, 800)));
        return Airspace.OPEN.withExclusions(List.of(AirspaceZone.of("stadium", GeoPolygon.of(ring))));
    }

    @Test
    void theRouteDetoursRoundANoFlyZoneAndEndsOnTheScene() {
        GeoPoint scene = at(0, 2000);
        List<GeoPoint> route = ResponseRoute.plan(squareAt1kmEast(), DOCK, scene, 60);
        assertThat(route).hasSizeGreaterThan(1);
        assertThat(route.get(route.size() - 1)).isEqualTo(scene);
        double lengthM = GreatCircle.distanceM(DOCK, route.get(0));
        for (int i = 1; i < route.size(); i++) {
            lengthM += GreatCircle.distanceM(route.get(i - 1), route.get(i));
        }
        assertThat(lengthM).isBetween(2000.0, 2200.0);
        assertThat(ResponseRoute.plan(Airspace.OPEN, DOCK, scene, 60)).containsExactly(scene);
    }

    @Test
    void aSceneInsideANoFlyZoneIsRefusedByName() {
        assertThat(ResponseRoute.sceneRefusal(squareAt1kmEast(), at(0, 1000), 60)).hasValueSatisfying(r -> {
            assertThat(r.rule()).isEqualTo(Refusal.Rule.NO_FLY_ZONE);
            assertThat(r.text()).contains("stadium");
        });
        assertThat(ResponseRoute.sceneRefusal(squareAt1kmEast(), at(0, 1300), 60)).isEmpty();
    }

    @Test
    void nightIsWhenTheSunIsDownInNingbo() {
        assertThat(Daylight.isNight(DOCK, Instant.parse("2026-12-07T04:00:00Z"))).as("noon in Ningbo").isFalse();
        assertThat(Daylight.isNight(DOCK, Instant.parse("2026-12-07T16:00:00Z"))).as("midnight in Ningbo").isTrue();
        // winter sunset in Ningbo is about 17:00 local (09:00 UTC)
        assertThat(Daylight.isNight(DOCK, Instant.parse("2026-12-07T08:40:00Z"))).isFalse();
        assertThat(Daylight.isNight(DOCK, Instant.parse("2026-12-07T09:20:00Z"))).isTrue();
    }
}
