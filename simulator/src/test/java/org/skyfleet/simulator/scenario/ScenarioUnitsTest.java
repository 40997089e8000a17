package org.skyfleet.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.simulator.world.LocalFrame;

/** The optional {@code units} of a scenario file, and the officers of the missing-person search. */
class ScenarioUnitsTest {
    private static final Path SCENARIOS = Path.of("..", "scenarios");

    private static double distanceM(GeoPoint a, GeoPoint b) {
        LocalFrame f = new LocalFrame(a.latDeg(), a.lonDeg());
        return Math.hypot(f.eastM(b.lonDeg()), f.northM(b.latDeg()));
    }

    @Test
    void missingPersonSearchHasThreeOfficersAtDistinctDistancesFromTheMissingMan() {
        Scenario s = Scenario.load(SCENARIOS.resolve("missing-person-forested-hill.json"));
        GeoPoint person = s.targets().get(0).start();
        GeoPoint drones = s.vehicles().get(0).start();
        assertThat(s.units()).hasSize(3).allMatch(u -> u.type() == UnitSpec.Type.OFFICER_ON_FOOT && u.speedMps() == 1.6);
        List<Double> fromPerson = s.units().stream().map(u -> distanceM(u.start(), person)).sorted().toList();
        assertThat(fromPerson.get(0)).isBetween(600.0, 800.0);
        assertThat(fromPerson.get(1)).isBetween(1400.0, 1600.0);
        assertThat(fromPerson.get(2)).isBetween(2400.0, 2600.0);
        assertThat(s.units()).allSatisfy(u -> assertThat(distanceM(u.start(), drones)).isBetween(800.0, 2500.0));
    }

    @Test
    void unitsRoundTripThroughJsonAndAreOptional() throws Exception {
        Scenario s = Scenario.load(SCENARIOS.resolve("missing-person-forested-hill.json"));
        Scenario back = Scenario.parse(new ObjectMapper().writeValueAsString(s));
        assertThat(back).isEqualTo(s);
        assertThat(Scenario.load(SCENARIOS.resolve("harbour-watch.json")).units()).isEmpty();
    }

    @Test
    void aUnitThatNeverAcknowledgesAndItsDefaults() {
        Scenario s = Scenario.parse("""
                {"name": "t", "home": {"latDeg": 51.5, "lonDeg": -0.12},
                 "vehicles": [{"name": "drone-1", "type": "MULTICOPTER"}],
                 "units": [{"id": "officer-9", "type": "OFFICER_ON_FOOT", "start": {"latDeg": 51.5, "lonDeg": -0.12},
                            "acknowledges": false},
                           {"id": "car-1", "type": "PATROL_CAR", "callsign": "Romeo 1", "speedMps": 13,
                            "start": {"latDeg": 51.5, "lonDeg": -0.12}, "acknowledgeDelayS": 20, "arrivalRadiusM": 30}]}
                """);
        UnitSpec officer = s.units().get(0);
        assertThat(officer.acknowledges()).isFalse();
        assertThat(officer.callsign()).isEqualTo("officer-9");
        assertThat(officer.arrivalRadiusM()).isEqualTo(15.0);
        assertThat(officer.acknowledgeDelayS()).isZero();
        UnitSpec car = s.units().get(1);
        assertThat(car.speedMps()).isEqualTo(13.0);
        assertThat(car.acknowledges()).isTrue();
        assertThat(car.acknowledgeDelayS()).isEqualTo(20.0);
        assertThat(car.arrivalRadiusM()).isEqualTo(30.0);
    }

    @Test
    void twoUnitsWithOneIdAreRefused() {
        GeoPoint p = new GeoPoint(51.5, -0.12);
        Scenario s = Scenario.parse("""
                {"name": "t", "home": {"latDeg": 51.5, "lonDeg": -0.12},
                 "vehicles": [{"name": "drone-1", "type": "MULTICOPTER"}]}
                """);
        assertThatThrownBy(() -> s.withUnits(List.of(UnitSpec.officer("o", p), UnitSpec.officer("o", p))))
                .hasMessageContaining("two units");
        assertThatThrownBy(() -> new UnitSpec("o", UnitSpec.Type.BOAT, null, p, 0.0, null, null, null))
                .hasMessageContaining("speedMps");
    }
}
