package org.skyfleet.fleet.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.planner.geo.GeoPoint;

class RoadNetworkEtaTest {
    private static final double M_PER_DEG_LAT = 111_195;

    private static GeoPoint at(double northM, double eastM) {
        return new GeoPoint(53.0 + northM / M_PER_DEG_LAT, -1.0 + eastM / (M_PER_DEG_LAT * Math.cos(Math.toRadians(53))));
    }

    private static GroundUnit car(GeoPoint p) {
        return new GroundUnit("car", UnitType.PATROL_CAR, "C1", p, 5, UnitStatus.AVAILABLE, Instant.EPOCH, "");
    }

    @Test
    void aCarAcrossARiverDrivesRoundByTheBridgeAndTheEstimateSaysSo() {
        // A river along north = 0 with one bridge 3 km east: the car is 200 m south, the target 200 m north.
        List<List<GeoPoint>> roads = List.of(
                List.of(at(-200, 0), at(-200, 3_000)),
                List.of(at(-200, 3_000), at(200, 3_000)),
                List.of(at(200, 3_000), at(200, 0)));
        RoadNetworkEta eta = new RoadNetworkEta(roads);
        TravelEstimate road = eta.estimate(car(at(-200, 0)), at(200, 0));
        TravelEstimate straight = EtaModel.straightLine().estimate(car(at(-200, 0)), at(200, 0));
        assertThat(road.distanceM()).isBetween(6_350.0, 6_450.0);
        assertThat(road.etaS()).isGreaterThan(straight.etaS() * 10);
        assertThat(eta.nodeCount()).isEqualTo(4);
        // the route: from the car, over the bridge, to the target, as long as the estimate's distance
        assertThat(road.method()).isEqualTo(EtaMethod.ROAD);
        assertThat(road.route()).containsExactly(at(-200, 0), at(-200, 3_000), at(200, 3_000), at(200, 0));
        assertThat(TravelEstimate.lengthM(road.route())).isCloseTo(road.distanceM(), org.assertj.core.data.Offset.offset(0.5));
        assertThat(straight.method()).isEqualTo(EtaMethod.STRAIGHT_LINE);
        assertThat(straight.route()).isEmpty();
    }

    @Test
    void theAssignmentCarriesTheRoadRouteAndAStraightLineOneSaysItIsTheFallback() {
        List<List<GeoPoint>> roads = List.of(List.of(at(-200, 0), at(-200, 3_000), at(200, 3_000), at(200, 0)));
        java.time.InstantSource clock = java.time.InstantSource.fixed(Instant.parse("2026-12-07T10:00:00Z"));
        Dispatcher byRoad = new Dispatcher(new UnitRoster(clock), new RoadNetworkEta(roads), clock, java.time.Duration.ofMinutes(1));
        byRoad.roster().report("car", UnitType.PATROL_CAR, "C1", at(-210, 0), 5, UnitStatus.AVAILABLE, null);
        Assignment a = byRoad.dispatch("inc-1", "trk-1", at(210, 0), "").orElseThrow();
        assertThat(a.etaMethod()).isEqualTo(EtaMethod.ROAD);
        assertThat(a.route()).hasSize(6).startsWith(at(-210, 0)).endsWith(at(210, 0));
        assertThat(a.routeLengthM()).isCloseTo(a.distanceM(), org.assertj.core.data.Offset.offset(0.5));
        assertThat(byRoad.acknowledge(a.assignmentId(), "car").route()).as("kept through its states").isEqualTo(a.route());

        Dispatcher straight = new Dispatcher(new UnitRoster(clock), EtaModel.straightLine(), clock, java.time.Duration.ofMinutes(1));
        straight.roster().report("car", UnitType.PATROL_CAR, "C1", at(-210, 0), 5, UnitStatus.AVAILABLE, null);
        Assignment s = straight.dispatch("inc-1", "trk-1", at(210, 0), "").orElseThrow();
        assertThat(s.etaMethod()).isEqualTo(EtaMethod.STRAIGHT_LINE);
        assertThat(s.route()).isEmpty();
    }

    @Test
    void unitsOnFootAndDisconnectedRoadsKeepTheStraightLine() {
        RoadNetworkEta eta = new RoadNetworkEta(List.of(List.of(at(0, 0), at(0, 1_000)), List.of(at(5_000, 0), at(5_000, 1_000))));
        GroundUnit foot = new GroundUnit("o", UnitType.OFFICER_ON_FOOT, "", at(0, 0), 5, UnitStatus.AVAILABLE, Instant.EPOCH, "");
        assertThat(eta.estimate(foot, at(5_000, 0))).isEqualTo(EtaModel.straightLine().estimate(foot, at(5_000, 0)));
        assertThat(eta.estimate(car(at(0, 0)), at(5_000, 0))).isEqualTo(EtaModel.straightLine().estimate(car(at(0, 0)), at(5_000, 0)));
    }
}
