package org.skyfleet.simulator.ground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.gcs.TestScenarios;
import org.skyfleet.simulator.link.MemoryLink;
import org.skyfleet.simulator.scenario.GeoPoint;
import org.skyfleet.simulator.scenario.Scenario;
import org.skyfleet.simulator.scenario.UnitSpec;
import org.skyfleet.simulator.sensor.DetectionSink;

/** Ground units move on the simulation clock, straight, at their speed, and stop on their destination. */
class SimulatedUnitTest {
    private static final GeoPoint KM_NORTH = new GeoPoint(TestScenarios.FRAME.latDeg(1000), TestScenarios.HOME.lonDeg());

    private static Simulation sim(List<UnitSpec> units) {
        Scenario s = TestScenarios.of(1, List.of(TestScenarios.drone("drone-1"))).withUnits(units);
        return Simulation.manual(s, name -> new MemoryLink().vehicleEnd(), DetectionSink.discard());
    }

    @Test
    void officerWalksAtOnePointSixMetresASecondOfSimulatedTime() {
        try (Simulation sim = sim(List.of(UnitSpec.officer("officer-1", TestScenarios.HOME)))) {
            SimulatedUnit officer = sim.unit("officer-1");
            sim.advance(Duration.ofSeconds(60));
            assertThat(officer.distanceM(TestScenarios.HOME)).as("idle at the start").isLessThan(1e-6);

            officer.goTo(KM_NORTH);
            sim.advance(Duration.ofSeconds(100));
            assertThat(officer.distanceM(TestScenarios.HOME)).isCloseTo(160, within(0.05));
            assertThat(officer.localPosition().eastM()).isCloseTo(0, within(1e-6));
        }
    }

    @Test
    void carAndBoatTakeTheirDefaultSpeedsAndStopOnTheDestination() {
        UnitSpec car = new UnitSpec("car-1", UnitSpec.Type.PATROL_CAR, "Romeo 1", TestScenarios.HOME, null, null, null, null);
        UnitSpec boat = new UnitSpec("boat-1", UnitSpec.Type.BOAT, null, TestScenarios.HOME, null, null, null, null);
        assertThat(car.speedMps()).isEqualTo(10.0);
        assertThat(boat.speedMps()).isEqualTo(8.0);
        try (Simulation sim = sim(List.of(car, boat))) {
            sim.unit("car-1").goTo(KM_NORTH);
            sim.advance(Duration.ofSeconds(99));
            assertThat(sim.unit("car-1").distanceM(KM_NORTH)).isCloseTo(10, within(0.05));
            sim.advance(Duration.ofSeconds(60));
            assertThat(sim.unit("car-1").distanceM(KM_NORTH)).isLessThan(1e-6);
            assertThat(sim.unit("car-1").travelledM()).isCloseTo(1000, within(0.05));
            assertThat(sim.unit("boat-1").travelledM()).isZero();
        }
    }

    @Test
    void changingCourseMidWayAndStoppingAreDeterministic() {
        double[][] runs = new double[2][];
        for (int run = 0; run < 2; run++) {
            try (Simulation sim = sim(List.of(UnitSpec.officer("officer-1", TestScenarios.HOME)))) {
                SimulatedUnit officer = sim.unit("officer-1");
                officer.goTo(KM_NORTH);
                sim.advance(Duration.ofSeconds(30));
                officer.goTo(new GeoPoint(TestScenarios.HOME.latDeg(), TestScenarios.FRAME.lonDeg(500)));
                sim.advance(Duration.ofSeconds(45));
                officer.stop();
                sim.advance(Duration.ofSeconds(30));
                runs[run] = new double[] {officer.localPosition().eastM(), officer.localPosition().northM(), officer.travelledM()};
            }
        }
        assertThat(runs[0]).containsExactly(runs[1]);
        assertThat(runs[0][2]).isCloseTo(1.6 * 75, within(0.05));
    }
}
