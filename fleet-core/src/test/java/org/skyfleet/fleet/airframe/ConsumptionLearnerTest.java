package org.skyfleet.fleet.airframe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.vehicle.LandedState;
import org.skyfleet.fleet.vehicle.MotionSample;
import org.skyfleet.fleet.vehicle.TestVehicles;
import org.skyfleet.fleet.vehicle.VehicleState;

/** Consumption learned from battery reports as a PX4 sends them: 1 Hz, whole percent. */
class ConsumptionLearnerTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private final ConsumptionLearner learner = new ConsumptionLearner();
    private double percent = 100;
    private double exact = 100;
    private long t;

    /** Flies {@code seconds} at {@code percentPerS} in the phase the speeds make, reporting each second. */
    private void fly(int seconds, double groundspeedMps, double climbMps, double percentPerS) {
        for (int i = 0; i < seconds; i++) {
            exact -= percentPerS;
            percent = Math.round(exact); // MAVLink's battery_remaining is whole percent
            report(LandedState.IN_AIR, groundspeedMps, climbMps);
        }
    }

    private void report(LandedState landed, double groundspeedMps, double climbMps) {
        t++;
        Instant at = T0.plusSeconds(t);
        VehicleState s = TestVehicles.connected("drone-1", at);
        s = s.withStatus(s.status().withLandedState(landed)).withMotion(new MotionSample(groundspeedMps, groundspeedMps, climbMps, 40, at));
        learner.onBattery("drone-1", percent, 1000 * t, s);
    }

    private void land() {
        report(LandedState.ON_GROUND, 0, 0);
    }

    @Test
    void eachPhaseGetsTheChargeUsedWhileFlyingItAndWholePercentReportsAddUpOverAFlight() {
        report(LandedState.ON_GROUND, 0, 0);
        fly(40, 0, 3, 0.30);     // climb
        fly(300, 10, 0, 0.20);   // cruise
        fly(120, 0.5, 0, 0.16);  // hover over the scene
        land();

        Consumption c = learner.of("drone-1").orElseThrow();
        assertThat(c.flights()).isEqualTo(1);
        assertThat(c.airborneS()).isCloseTo(460, within(2.0));
        assertThat(c.percentPerMin(FlightPhase.CRUISE)).isCloseTo(12.0, within(0.5));
        assertThat(c.percentPerMin(FlightPhase.HOVER)).isCloseTo(9.6, within(0.8));
        assertThat(c.percentPerMin(FlightPhase.CLIMB)).isCloseTo(18.0, within(2.5));
        // (40·0.30 + 300·0.20 + 120·0.16) / 460 s = 0.198 %/s: a full pack is ~505 s as this drone flies
        assertThat(c.fullPackS()).isCloseTo(505, within(10.0));
    }

    @Test
    void aSwapALinkOutageAndShortHopsTeachNothingAndOnlyTheLastFlightsCount() {
        report(LandedState.ON_GROUND, 0, 0);
        fly(100, 0, 0, 0.5);      // an old pack, long ago
        land();
        for (int flight = 0; flight < ConsumptionLearner.FLIGHTS_KEPT; flight++) {
            percent = 100;         // a fresh pack: the rise is not a flight's
            exact = 100;
            report(LandedState.IN_AIR, 10, 0);
            fly(150, 10, 0, 0.1);
            land();
        }
        report(LandedState.IN_AIR, 10, 0);
        t += 60;                   // a minute unheard in the air is not joined to the flight
        percent = exact = percent - 30;
        report(LandedState.IN_AIR, 10, 0);
        land();

        Consumption c = learner.of("drone-1").orElseThrow();
        assertThat(c.flights()).isEqualTo(ConsumptionLearner.FLIGHTS_KEPT);
        assertThat(c.percentPerMin(FlightPhase.CRUISE)).isCloseTo(6.0, within(0.3));
        assertThat(c.percentPerMin(FlightPhase.HOVER)).isNaN();
        assertThat(learner.of("drone-2")).isEmpty();
    }
}
