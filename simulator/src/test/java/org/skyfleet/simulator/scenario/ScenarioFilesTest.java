package org.skyfleet.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.autopilot.FlightMode;
import org.skyfleet.simulator.link.MemoryLink;
import org.skyfleet.simulator.sensor.CameraPreset;
import org.skyfleet.simulator.sensor.SightingReport;
import org.skyfleet.simulator.vehicle.SimVehicleKind;
import org.skyfleet.simulator.wire.VehicleWire;

/** The shipped scenarios (repository's scenarios/) and the README's example load, and run as described. */
class ScenarioFilesTest {
    private static final Path SCENARIOS = Path.of("..", "scenarios");

    private static Simulation manual(Scenario s, List<SightingReport> sightings) {
        return Simulation.manual(s, name -> new MemoryLink().vehicleEnd(), sightings::add);
    }

    @Test
    void everyShippedScenarioLoadsAndEveryVehicleTalks() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(SCENARIOS)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(3);
        for (Path f : files) {
            Scenario s = Scenario.load(f);
            try (Simulation sim = manual(s, new ArrayList<>())) {
                sim.advance(Duration.ofSeconds(30));
                for (VehicleWire w : sim.vehicles()) {
                    assertThat(w.sentDatagrams()).as(f.getFileName() + " " + w.vehicle().name()).isGreaterThanOrEqualTo(29);
                }
            }
        }
    }

    @Test
    void missingPersonSearchHasFourCameraDronesWaitingAndAWanderer() {
        Scenario s = Scenario.load(SCENARIOS.resolve("missing-person-forested-hill.json"));
        assertThat(s.vehicles()).hasSize(4).allMatch(v -> v.type() == SimVehicleKind.MULTICOPTER && v.camera() != null);
        assertThat(s.targets()).anyMatch(t -> t.movement() == TargetSpec.Movement.WANDERER);
        try (Simulation sim = manual(s, new ArrayList<>())) {
            sim.advance(Duration.ofSeconds(5));
            assertThat(sim.vehicles()).allMatch(w -> !w.autopilot().armed() && !w.vehicle().airborne());
        }
    }

    @Test
    void theZhoushanSearchIsANightOfThermalDronesOnLiuhengAndTheNingboPatrolStartsAtItsKiosk() {
        Scenario liuheng = Scenario.load(SCENARIOS.resolve("missing-person-liuheng-island.json"));
        assertThat(liuheng.night()).isTrue();
        assertThat(liuheng.vehicles()).hasSize(4).allMatch(v -> v.camera() != null
                && v.camera().preset() == org.skyfleet.simulator.sensor.CameraPreset.THERMAL);
        assertThat(liuheng.targets()).anyMatch(t -> t.movement() == TargetSpec.Movement.WANDERER);
        assertThat(liuheng.units()).hasSize(3);
        // Liuheng island, Zhoushan, and the Ningbo district: the homes lie in their map features' areas
        assertThat(liuheng.home().latDeg()).isBetween(29.68, 29.77);
        assertThat(liuheng.home().lonDeg()).isBetween(122.06, 122.20);
        Scenario patrol = Scenario.load(SCENARIOS.resolve("street-patrol-dongbu-xincheng.json"));
        assertThat(patrol.vehicles()).anyMatch(v -> v.type() == SimVehicleKind.GROUND_ROVER && !v.patrol().isEmpty());
        assertThat(patrol.units()).singleElement().satisfies(u -> assertThat(u.start().latDeg()).isBetween(29.855, 29.885));
        assertThat(Files.exists(SCENARIOS.resolve("maps").resolve("zhoushan-liuheng.geojson"))).isTrue();
        assertThat(Files.exists(SCENARIOS.resolve("maps").resolve("ningbo-dongbu-xincheng.geojson"))).isTrue();
    }

    @Test
    void nightPatrolRobotsDriveTheirLoopsAndTheThermalDroneFindsSomeone() {
        Scenario s = Scenario.load(SCENARIOS.resolve("night-patrol-campus.json"));
        assertThat(s.night()).isTrue();
        assertThat(s.vehicles()).filteredOn(v -> v.type() == SimVehicleKind.GROUND_ROVER).hasSize(2);
        List<SightingReport> sightings = new ArrayList<>();
        try (Simulation sim = manual(s, sightings)) {
            sim.advance(Duration.ofSeconds(600));
            assertThat(sim.vehicle("robot-1").vehicle().distanceFromHomeM()).isGreaterThan(0);
            assertThat(sim.vehicle("drone-1").vehicle().altitudeRelM()).isBetween(45.0, 55.0);
        }
        assertThat(sightings).anyMatch(r -> r.truthTargetId() != null && r.sensor().equals(CameraPreset.THERMAL.name()));
    }

    @Test
    void harbourDroneThatStartedLowComesHomeWhileTheOthersKeepWatch() {
        Scenario s = Scenario.load(SCENARIOS.resolve("harbour-watch.json"));
        assertThat(s.vehicles()).hasSizeGreaterThanOrEqualTo(3);
        try (Simulation sim = manual(s, new ArrayList<>())) {
            sim.advance(Duration.ofSeconds(400));
            VehicleWire low = sim.vehicle("drone-3");
            assertThat(low.autopilot().mode() == FlightMode.RTL || !low.autopilot().armed()).isTrue();
            assertThat(sim.vehicle("drone-1").autopilot().mode()).isEqualTo(FlightMode.MISSION);
        }
    }

    @Test
    void readmeExampleIsAValidScenario() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```json");
        int end = readme.indexOf("```", start + 7);
        assertThat(start).isNotNegative();
        Scenario s = Scenario.parse(readme.substring(start + 7, end));
        assertThat(s.vehicles()).isNotEmpty();
    }
}
