package org.skyfleet.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MavMissionResult;
import io.dronefleet.mavlink.common.MavResult;
import io.dronefleet.mavlink.common.MissionItemReached;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.skyfleet.simulator.gcs.Items;
import org.skyfleet.simulator.gcs.MemoryGroundStation;
import org.skyfleet.simulator.gcs.TestScenarios;
import org.skyfleet.simulator.link.MemoryLink;
import org.skyfleet.simulator.scenario.CameraSpec;
import org.skyfleet.simulator.scenario.FaultSpec;
import org.skyfleet.simulator.scenario.GeoPoint;
import org.skyfleet.simulator.scenario.Scenario;
import org.skyfleet.simulator.scenario.ScenarioVehicle;
import org.skyfleet.simulator.scenario.TargetSpec;
import org.skyfleet.simulator.scenario.WindSpec;
import org.skyfleet.simulator.sensor.CameraPreset;
import org.skyfleet.simulator.sensor.SightingReport;
import org.skyfleet.simulator.vehicle.SimVehicleKind;

/**
 * Step-driven runs over in-memory links: a ground station uploads and starts a mission in gusty wind,
 * with packet loss on a second drone, a wandering person and cameras with false positives. Same seed,
 * same bytes on the wire, same trajectory, same sightings; another seed, another run.
 */
class DeterminismTest {

    private record Run(byte[] drone1Bytes, byte[] drone2Bytes, List<double[]> trajectory, List<SightingReport> sightings,
                       List<Integer> reached) {
    }

    private static Scenario scenario(long seed) {
        CameraSpec thermal = new CameraSpec(CameraPreset.THERMAL, 3);
        GeoPoint patrolA = new GeoPoint(TestScenarios.FRAME.latDeg(-100), TestScenarios.FRAME.lonDeg(-100));
        GeoPoint patrolB = new GeoPoint(TestScenarios.FRAME.latDeg(100), TestScenarios.FRAME.lonDeg(-100));
        GeoPoint patrolC = new GeoPoint(TestScenarios.FRAME.latDeg(100), TestScenarios.FRAME.lonDeg(100));
        List<ScenarioVehicle> vehicles = List.of(
                new ScenarioVehicle("drone-1", SimVehicleKind.MULTICOPTER, null, null, null, null, null, null, thermal,
                        null, null, null, null),
                new ScenarioVehicle("drone-2", SimVehicleKind.MULTICOPTER, null, null, null, null, null, null, thermal,
                        List.of(patrolA, patrolB, patrolC), 40.0, null, null),
                TestScenarios.rover("robot-1"));
        GeoPoint person = new GeoPoint(TestScenarios.FRAME.latDeg(5), TestScenarios.FRAME.lonDeg(150));
        List<TargetSpec> targets = List.of(new TargetSpec("subject", TargetSpec.Movement.WANDERER, person, null, 0.6, 200.0));
        List<FaultSpec> faults = List.of(new FaultSpec("drone-2", FaultSpec.Type.PACKET_LOSS, 5, 0, 0.1, null));
        return TestScenarios.of(1, null, new WindSpec(6, 250, 2), vehicles, targets, faults).withSeed(seed);
    }

    private static Run run(long seed) {
        Map<String, MemoryLink> links = new HashMap<>();
        List<SightingReport> sightings = new ArrayList<>();
        Simulation sim = Simulation.manual(scenario(seed), name -> links.computeIfAbsent(name, n -> new MemoryLink()).vehicleEnd(),
                sightings::add);
        MemoryGroundStation gcs1 = new MemoryGroundStation(links.get("drone-1"), sim);
        MemoryGroundStation gcs2 = new MemoryGroundStation(links.get("drone-2"), sim);
        Items items = new Items(1, TestScenarios.FRAME);
        assertThat(gcs1.upload(1, List.of(items.takeoff(0, 30), items.waypoint(1, 150, 0, 30), items.waypoint(2, 150, 60, 30),
                items.returnToLaunch(3)))).isEqualTo(MavMissionResult.MAV_MISSION_ACCEPTED);
        assertThat(gcs1.command(1, MavCmd.MAV_CMD_COMPONENT_ARM_DISARM, 1)).isEqualTo(MavResult.MAV_RESULT_ACCEPTED);
        assertThat(gcs1.command(1, MavCmd.MAV_CMD_MISSION_START, 0, 0)).isEqualTo(MavResult.MAV_RESULT_ACCEPTED);
        List<double[]> trajectory = new ArrayList<>();
        for (int s = 0; s < 120; s++) {
            sim.advance(Duration.ofSeconds(1));
            gcs1.poll();
            gcs2.poll();
            var d1 = sim.vehicle("drone-1").vehicle();
            var d2 = sim.vehicle("drone-2").vehicle();
            trajectory.add(new double[] {d1.eastM(), d1.northM(), d1.altitudeRelM(), d2.eastM(), d2.northM(),
                    sim.vehicle("robot-1").vehicle().eastM(), sim.targets().get(0).eastM()});
        }
        List<Integer> reached = gcs1.all(MissionItemReached.class).stream().map(MissionItemReached::seq).toList();
        sim.close();
        return new Run(gcs1.digest(), gcs2.digest(), trajectory, sightings, reached);
    }

    @Test
    void sameSeedSameRunOtherSeedOtherRun() {
        Run a = run(11);
        Run b = run(11);
        Run c = run(12);

        assertThat(a.reached()).as("the mission was flown, not just replayed idle").containsExactly(0, 1, 2, 3);
        assertThat(a.sightings()).as("the camera saw the person").anyMatch(r -> "subject".equals(r.truthTargetId()));
        assertThat(a.drone1Bytes()).isEqualTo(b.drone1Bytes());
        assertThat(a.drone2Bytes()).isEqualTo(b.drone2Bytes());
        assertThat(a.trajectory()).zipSatisfy(b.trajectory(), (x, y) -> assertThat(x).containsExactly(y));
        assertThat(a.sightings()).isEqualTo(b.sightings());

        assertThat(c.drone1Bytes()).isNotEqualTo(a.drone1Bytes());
        assertThat(c.trajectory().get(60)).isNotEqualTo(a.trajectory().get(60));
    }
}
