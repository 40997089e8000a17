package org.skyfleet.fleet.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.planner.geo.GeoPoint;

/** Each rule just inside and just outside its limit, and the choice of the drone first over the scene. */
class ResponderRulesTest {
    private static final GeoPoint DOCK = new GeoPoint(29.872, 121.556);
    private static final ResponsePolicy POLICY = ResponsePolicy.defaults();
    private static final CallConditions CALM_DAY = new CallConditions(Double.NaN, false);

    private static GeoPoint east(double m) {
        return new GeoPoint(DOCK.latDeg(), DOCK.lonDeg() + m / (111_320.0 * Math.cos(Math.toRadians(DOCK.latDeg()))));
    }

    private static Responder drone(String id, GeoPoint at, double battery, boolean thermal) {
        return new Responder(id, at, battery, 15, 3, 12, 1500, thermal);
    }

    private static List<Refusal.Rule> broken(Responder r, GeoPoint scene, CallConditions c) {
        return ResponderRules.check(r, scene, c, POLICY).stream().map(Refusal::rule).toList();
    }

    @Test
    void rangeIsKeptToTheMetre() {
        assertThat(broken(drone("d", DOCK, 100, true), east(7_990), CALM_DAY)).doesNotContain(Refusal.Rule.OUT_OF_RANGE);
        assertThat(broken(drone("d", DOCK, 100, true), east(8_010), CALM_DAY)).contains(Refusal.Rule.OUT_OF_RANGE);
    }

    @Test
    void batteryMustCoverTheRoundTripTheHoldAndTheReserve() {
        // 1.5 km: 20 s climb + 100 s out, twice, + 600 s over the scene = 840 s of 1500 s = 56 %, + 25 % reserve = 81 %
        assertThat(broken(drone("d", DOCK, 81.5, true), east(1_500), CALM_DAY)).isEmpty();
        assertThat(broken(drone("d", DOCK, 80.5, true), east(1_500), CALM_DAY)).containsExactly(Refusal.Rule.BATTERY);
    }

    @Test
    void windAboveTheAirframesLimitAndNightWithoutThermalAreRefused() {
        assertThat(broken(drone("d", DOCK, 100, true), east(500), new CallConditions(11.9, false))).isEmpty();
        assertThat(broken(drone("d", DOCK, 100, true), east(500), new CallConditions(12.1, false))).containsExactly(Refusal.Rule.WIND);
        assertThat(broken(drone("d", DOCK, 100, true), east(500), new CallConditions(Double.NaN, true))).isEmpty();
        assertThat(broken(drone("d", DOCK, 100, false), east(500), new CallConditions(Double.NaN, true)))
                .containsExactly(Refusal.Rule.NIGHT_NO_THERMAL);
    }

    @Test
    void aDronesOwnWindMeasurementCountsWhenItIsTheStrongerAndOnlyForThatDrone() {
        CallConditions measured = new CallConditions(Double.NaN, false, java.util.Map.of("windy", 12.1, "sheltered", 11.9));
        assertThat(broken(drone("windy", DOCK, 100, true), east(500), measured)).containsExactly(Refusal.Rule.WIND);
        assertThat(broken(drone("sheltered", DOCK, 100, true), east(500), measured)).isEmpty();
        assertThat(broken(drone("other", DOCK, 100, true), east(500), measured)).as("measured nothing").isEmpty();
        // a report stronger than the drone's own measurement still refuses it
        CallConditions reported = new CallConditions(12.5, false, java.util.Map.of("sheltered", 3.0));
        assertThat(ResponderRules.check(drone("sheltered", DOCK, 100, true), east(500), reported, POLICY))
                .singleElement().satisfies(r -> assertThat(r.params()).containsEntry("wind_m_s", "12.5"));
    }

    @Test
    void theDroneFirstOverTheSceneIsChosenAndWithoutOneEveryReasonIsGiven() {
        Responder near = drone("near", east(-100), 100, false);
        Responder far = drone("far", east(-3000), 100, false);
        assertThat(ResponderChoice.of(List.of(far, near), east(1_000), CALM_DAY, POLICY).chosen()).contains(near);
        ResponderChoice night = ResponderChoice.of(List.of(far, near), east(1_000), new CallConditions(Double.NaN, true), POLICY);
        assertThat(night.chosen()).isEmpty();
        assertThat(night.refusals()).extracting(r -> r.params().get("vehicle")).as("nearest first").startsWith("near").contains("far");
        assertThat(ResponderChoice.of(List.of(), east(1_000), CALM_DAY, POLICY).refusals()).extracting(Refusal::rule)
                .containsExactly(Refusal.Rule.NO_DRONE);
    }
}
