package org.skyfleet.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.common.ExtendedSysState;
import io.dronefleet.mavlink.common.GlobalPositionInt;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MavLandedState;
import io.dronefleet.mavlink.common.MavMissionResult;
import io.dronefleet.mavlink.common.MavMissionType;
import io.dronefleet.mavlink.common.MavResult;
import io.dronefleet.mavlink.common.MissionCurrent;
import io.dronefleet.mavlink.common.MissionItemInt;
import io.dronefleet.mavlink.common.MissionItemReached;
import io.dronefleet.mavlink.minimal.Heartbeat;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.simulator.gcs.GroundStation;
import org.skyfleet.simulator.gcs.Items;
import org.skyfleet.simulator.gcs.TestScenarios;

/**
 * A PX4 drone flown through the whole mission protocol over real UDP on 127.0.0.1, 10x real time (the
 * vehicle's 5 s transfer timeout is then 0.5 s of wall time, enough for a loaded machine).
 */
class MissionFlightTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void uploadedMissionIsDownloadedIntactFlownInOrderAndEndsLandedAtHome() {
        try (GroundStation gcs = new GroundStation();
             Simulation sim = Simulation.start(TestScenarios.of(10, List.of(TestScenarios.drone("drone-1"))), gcs.address())) {
            gcs.awaitVehicle(1, WAIT);
            Items items = new Items(1, TestScenarios.FRAME);
            List<MissionItemInt> mission = List.of(
                    items.takeoff(0, 20),
                    items.changeSpeed(1, 10),
                    items.waypoint(2, 120, 0, 25),
                    items.nav(3, MavCmd.MAV_CMD_NAV_LOITER_TIME, 120, 80, 25, 4, 0),
                    items.waypoint(4, 0, 80, 20),
                    items.returnToLaunch(5));

            assertThat(gcs.upload(1, MavMissionType.MAV_MISSION_TYPE_MISSION, mission, WAIT))
                    .isEqualTo(MavMissionResult.MAV_MISSION_ACCEPTED);
            List<MissionItemInt> back = gcs.download(1, MavMissionType.MAV_MISSION_TYPE_MISSION, WAIT);
            assertThat(back).extracting(MissionItemInt::command, MissionItemInt::x, MissionItemInt::y, MissionItemInt::z)
                    .containsExactlyElementsOf(mission.stream().map(i -> org.assertj.core.groups.Tuple.tuple(
                            i.command(), i.x(), i.y(), i.z())).toList());

            int start = gcs.mark();
            assertThat(gcs.command(1, MavCmd.MAV_CMD_COMPONENT_ARM_DISARM, 1)).isEqualTo(MavResult.MAV_RESULT_ACCEPTED);
            assertThat(gcs.command(1, MavCmd.MAV_CMD_MISSION_START, 0, 0)).isEqualTo(MavResult.MAV_RESULT_ACCEPTED);

            Heartbeat inMission = gcs.await(start, 1, Heartbeat.class, GroundStation::armed, WAIT, "an armed HEARTBEAT");
            gcs.await(start, 1, Heartbeat.class, h -> GroundStation.armed(h) && GroundStation.px4Mode(h)[0] == 4
                    && GroundStation.px4Mode(h)[1] == 4, WAIT, "armed in AUTO.MISSION (main 4, sub 4)");
            assertThat(inMission.baseMode().value() & 1).as("MAV_MODE_FLAG_CUSTOM_MODE_ENABLED").isEqualTo(1);
            gcs.await(start, 1, MissionItemReached.class, r -> r.seq() == 5, Duration.ofSeconds(60), "the RTL item reached");
            gcs.await(start, 1, Heartbeat.class, h -> !GroundStation.armed(h), WAIT, "disarmed after landing");

            assertThat(gcs.all(start, 1, MissionItemReached.class)).extracting(MissionItemReached::seq)
                    .containsExactly(0, 1, 2, 3, 4, 5);
            assertThat(gcs.all(start, 1, MissionCurrent.class)).extracting(MissionCurrent::seq)
                    .contains(2, 3, 4, 5);
            int after = gcs.mark();
            ExtendedSysState landed = gcs.await(after, 1, ExtendedSysState.class, s -> true, WAIT, "EXTENDED_SYS_STATE");
            assertThat(landed.landedState().entry()).isEqualTo(MavLandedState.MAV_LANDED_STATE_ON_GROUND);
            GlobalPositionInt pos = gcs.await(after, 1, GlobalPositionInt.class, p -> true, WAIT, "a position");
            double eastM = TestScenarios.FRAME.eastM(pos.lon() / 1e7);
            double northM = TestScenarios.FRAME.northM(pos.lat() / 1e7);
            assertThat(Math.hypot(eastM, northM)).as("distance from home, m").isLessThan(4);
            assertThat(pos.relativeAlt()).as("mm above home").isBetween(-100, 100);
            double maxAltM = gcs.all(start, 1, GlobalPositionInt.class).stream().mapToDouble(p -> p.relativeAlt() / 1000.0)
                    .max().orElseThrow();
            assertThat(maxAltM).as("highest altitude flown, m: the 30 m return altitude").isBetween(28.0, 33.0);
        }
    }

    @Test
    void itemsTheVehicleCannotFlyAreRefusedWithTheMatchingResult() {
        try (GroundStation gcs = new GroundStation();
             Simulation sim = Simulation.start(TestScenarios.of(10, List.of(TestScenarios.drone("drone-1"),
                     TestScenarios.rover("robot-1"))), gcs.address())) {
            gcs.awaitVehicle(1, WAIT);
            gcs.awaitVehicle(2, WAIT);
            Items drone = new Items(1, TestScenarios.FRAME);
            Items rover = new Items(2, TestScenarios.FRAME);
            MissionItemInt unsupported = drone.nav(1, MavCmd.MAV_CMD_NAV_SPLINE_WAYPOINT, 10, 10, 20, 0, 0);
            MissionItemInt badLat = MissionItemInt.builder().targetSystem(1).targetComponent(1).seq(1)
                    .frame(io.dronefleet.mavlink.common.MavFrame.MAV_FRAME_GLOBAL_RELATIVE_ALT_INT)
                    .command(MavCmd.MAV_CMD_NAV_WAYPOINT).x(950_000_000).y(0).z(20)
                    .missionType(MavMissionType.MAV_MISSION_TYPE_MISSION).build();
            MissionItemInt tooHigh = drone.waypoint(1, 10, 10, 900);

            assertThat(gcs.upload(1, MavMissionType.MAV_MISSION_TYPE_MISSION, List.of(drone.takeoff(0, 10), unsupported), WAIT))
                    .isEqualTo(MavMissionResult.MAV_MISSION_UNSUPPORTED);
            assertThat(gcs.upload(1, MavMissionType.MAV_MISSION_TYPE_MISSION, List.of(drone.takeoff(0, 10), badLat), WAIT))
                    .isEqualTo(MavMissionResult.MAV_MISSION_INVALID_PARAM5_X);
            assertThat(gcs.upload(1, MavMissionType.MAV_MISSION_TYPE_MISSION, List.of(drone.takeoff(0, 10), tooHigh), WAIT))
                    .isEqualTo(MavMissionResult.MAV_MISSION_INVALID_PARAM7);
            assertThat(gcs.upload(2, MavMissionType.MAV_MISSION_TYPE_MISSION, List.of(rover.takeoff(0, 10)), WAIT))
                    .as("a rover cannot take off").isEqualTo(MavMissionResult.MAV_MISSION_UNSUPPORTED);
            assertThat(gcs.download(1, MavMissionType.MAV_MISSION_TYPE_MISSION, WAIT)).as("nothing half-stored").isEmpty();
            assertThat(gcs.command(1, MavCmd.MAV_CMD_MISSION_START, 0, 0)).isEqualTo(MavResult.MAV_RESULT_DENIED);
        }
    }
}
