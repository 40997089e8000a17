package org.skyfleet.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.common.CommandInt;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MavFrame;
import io.dronefleet.mavlink.common.MavMissionResult;
import io.dronefleet.mavlink.common.MavMissionType;
import io.dronefleet.mavlink.common.MavResult;
import io.dronefleet.mavlink.common.MissionItemReached;
import io.dronefleet.mavlink.common.MissionSetCurrent;
import io.dronefleet.mavlink.common.SetPositionTargetGlobalInt;
import io.dronefleet.mavlink.common.Statustext;
import java.time.Duration;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.skyfleet.simulator.autopilot.FailsafeConfig;
import org.skyfleet.simulator.autopilot.FlightMode;
import org.skyfleet.simulator.gcs.Items;
import org.skyfleet.simulator.gcs.MemoryGroundStation;
import org.skyfleet.simulator.gcs.TestScenarios;
import org.skyfleet.simulator.link.MemoryLink;
import org.skyfleet.simulator.scenario.FailsafeSpec;
import org.skyfleet.simulator.scenario.Scenario;
import org.skyfleet.simulator.vehicle.SimVehicle;

/** Commands and mission control, step-driven over an in-memory link: fast, and exact about simulated time. */
class CommandsTest {
    private final MemoryLink link = new MemoryLink();
    private final Items items = new Items(1, TestScenarios.FRAME);

    private Simulation sim(Scenario s) {
        return Simulation.manual(s, n -> link.vehicleEnd(), r -> { });
    }

    private static void armAndTakeOff(MemoryGroundStation gcs, Simulation sim, float altAmslM) {
        assertThat(gcs.command(1, MavCmd.MAV_CMD_COMPONENT_ARM_DISARM, 1)).isEqualTo(MavResult.MAV_RESULT_ACCEPTED);
        assertThat(gcs.command(1, MavCmd.MAV_CMD_NAV_TAKEOFF, 0, 0, 0, Float.NaN, Float.NaN, Float.NaN, altAmslM))
                .isEqualTo(MavResult.MAV_RESULT_ACCEPTED);
        sim.advance(Duration.ofSeconds(15));
        assertThat(sim.vehicle("drone-1").autopilot().mode()).isEqualTo(FlightMode.HOLD);
    }

    @Test
    void repositionByCommandIntAndOffboardSetpointsFlyToThePoint() {
        Simulation sim = sim(TestScenarios.of(1, List.of(TestScenarios.drone("drone-1"))));
        MemoryGroundStation gcs = new MemoryGroundStation(link, sim);
        SimVehicle v = sim.vehicle("drone-1").vehicle();
        armAndTakeOff(gcs, sim, 30 + 20);
        assertThat(v.altitudeRelM()).isCloseTo(20, Offset.offset(0.3));

        CommandInt reposition = CommandInt.builder().targetSystem(1).targetComponent(1)
                .frame(MavFrame.MAV_FRAME_GLOBAL_RELATIVE_ALT_INT).command(MavCmd.MAV_CMD_DO_REPOSITION).param1(-1).param2(1)
                .x(Items.degE7(TestScenarios.FRAME.latDeg(100))).y(Items.degE7(TestScenarios.FRAME.lonDeg(-50))).z(35).build();
        assertThat(gcs.commandPayload(reposition, MavCmd.MAV_CMD_DO_REPOSITION)).isEqualTo(MavResult.MAV_RESULT_ACCEPTED);
        sim.advance(Duration.ofSeconds(40));
        assertThat(v.eastM()).isCloseTo(-50, Offset.offset(0.5));
        assertThat(v.northM()).isCloseTo(100, Offset.offset(0.5));
        assertThat(v.altitudeRelM()).isCloseTo(35, Offset.offset(0.3));

        assertThat(gcs.command(1, MavCmd.MAV_CMD_DO_SET_MODE, 1, 6, 0)).as("no setpoints yet").isEqualTo(MavResult.MAV_RESULT_DENIED);
        SetPositionTargetGlobalInt target = SetPositionTargetGlobalInt.builder().targetSystem(1).targetComponent(1)
                .coordinateFrame(MavFrame.MAV_FRAME_GLOBAL_RELATIVE_ALT_INT).typeMask(io.dronefleet.mavlink.util.EnumValue.create(0b0000_1111_1111_1000))
                .latInt(Items.degE7(TestScenarios.FRAME.latDeg(0))).lonInt(Items.degE7(TestScenarios.FRAME.lonDeg(60))).alt(25).build();
        gcs.send(target);
        assertThat(gcs.command(1, MavCmd.MAV_CMD_DO_SET_MODE, 1, 6, 0)).isEqualTo(MavResult.MAV_RESULT_ACCEPTED);
        for (int i = 0; i < 300; i++) {   // a ground station streams setpoints at 10 Hz
            gcs.send(target);
            sim.advance(Duration.ofMillis(100));
        }
        assertThat(sim.vehicle("drone-1").autopilot().mode()).isEqualTo(FlightMode.OFFBOARD);
        assertThat(Math.hypot(v.eastM() - 60, v.northM())).isLessThan(0.5);
        sim.advance(Duration.ofSeconds(1));
        assertThat(sim.vehicle("drone-1").autopilot().mode()).as("setpoints stopped: PX4 holds").isEqualTo(FlightMode.HOLD);
        sim.close();
    }

    @Test
    void autopilotVersionAnnouncesWhatTheVehicleSpeaks() {
        Simulation sim = sim(TestScenarios.of(1, List.of(TestScenarios.drone("drone-1"))));
        MemoryGroundStation gcs = new MemoryGroundStation(link, sim);
        assertThat(gcs.command(1, MavCmd.MAV_CMD_REQUEST_MESSAGE, 148)).isEqualTo(MavResult.MAV_RESULT_ACCEPTED);
        // PX4 sends the message, then acknowledges the request.
        assertThat(gcs.all(io.dronefleet.mavlink.common.AutopilotVersion.class)).hasSize(1);
        io.dronefleet.mavlink.common.AutopilotVersion version = gcs.all(io.dronefleet.mavlink.common.AutopilotVersion.class).get(0);
        assertThat(version.capabilities().flagsEnabled(
                io.dronefleet.mavlink.common.MavProtocolCapability.MAV_PROTOCOL_CAPABILITY_MISSION_INT,
                io.dronefleet.mavlink.common.MavProtocolCapability.MAV_PROTOCOL_CAPABILITY_MAVLINK2,
                io.dronefleet.mavlink.common.MavProtocolCapability.MAV_PROTOCOL_CAPABILITY_MISSION_FENCE)).isTrue();
        assertThat(version.capabilities().flagsEnabled(io.dronefleet.mavlink.common.MavProtocolCapability.MAV_PROTOCOL_CAPABILITY_FTP))
                .as("no FTP: not claimed").isFalse();
        assertThat(version.flightSwVersion() >> 24).as("PX4 v1").isEqualTo(1);
        assertThat(gcs.command(1, MavCmd.MAV_CMD_REQUEST_AUTOPILOT_CAPABILITIES, 1)).isEqualTo(MavResult.MAV_RESULT_ACCEPTED);
        assertThat(gcs.all(io.dronefleet.mavlink.common.AutopilotVersion.class)).hasSize(2);
        assertThat(gcs.command(1, MavCmd.MAV_CMD_REQUEST_MESSAGE, 9999)).isEqualTo(MavResult.MAV_RESULT_DENIED);
        sim.close();
    }

    @Test
    void pauseHoldsContinueResumesAndSetCurrentSkipsAhead() {
        Simulation sim = sim(TestScenarios.of(1, List.of(TestScenarios.drone("drone-1"))));
        MemoryGroundStation gcs = new MemoryGroundStation(link, sim);
        SimVehicle v = sim.vehicle("drone-1").vehicle();
        assertThat(gcs.upload(1, List.of(items.takeoff(0, 20), items.waypoint(1, 200, 0, 20), items.waypoint(2, 200, 200, 20),
                items.waypoint(3, 0, 200, 20), items.returnToLaunch(4)))).isEqualTo(MavMissionResult.MAV_MISSION_ACCEPTED);
        gcs.command(1, MavCmd.MAV_CMD_COMPONENT_ARM_DISARM, 1);
        assertThat(gcs.command(1, MavCmd.MAV_CMD_MISSION_START, 0, 0)).isEqualTo(MavResult.MAV_RESULT_ACCEPTED);
        gcs.stepUntil(MissionItemReached.class, r -> r.seq() == 0, Duration.ofSeconds(20));
        sim.advance(Duration.ofSeconds(8));

        assertThat(gcs.command(1, MavCmd.MAV_CMD_DO_PAUSE_CONTINUE, 0)).isEqualTo(MavResult.MAV_RESULT_ACCEPTED);
        sim.advance(Duration.ofSeconds(5));
        double pausedAtM = v.eastM();
        sim.advance(Duration.ofSeconds(20));
        assertThat(sim.vehicle("drone-1").autopilot().mode()).isEqualTo(FlightMode.HOLD);
        assertThat(v.eastM()).as("holding while paused").isCloseTo(pausedAtM, Offset.offset(0.2)).isBetween(20.0, 180.0);

        assertThat(gcs.command(1, MavCmd.MAV_CMD_DO_PAUSE_CONTINUE, 1)).isEqualTo(MavResult.MAV_RESULT_ACCEPTED);
        gcs.stepUntil(MissionItemReached.class, r -> r.seq() == 1, Duration.ofSeconds(30));
        gcs.send(MissionSetCurrent.builder().targetSystem(1).targetComponent(1).seq(3).build());
        gcs.stepUntil(MissionItemReached.class, r -> r.seq() == 4, Duration.ofSeconds(120));
        assertThat(gcs.all(MissionItemReached.class)).extracting(MissionItemReached::seq).containsExactly(0, 1, 3, 4);
        assertThat(v.airborne()).isFalse();
        assertThat(Math.hypot(v.eastM(), v.northM())).isLessThan(1.5);
        sim.close();
    }

    @Test
    void criticalBatteryLandsWhereTheDroneIsNotAtHome() {
        // Return and land levels equal: the land failsafe, checked first, is the one that fires.
        Scenario s = TestScenarios.of(1, new FailsafeSpec(25.0, 25.0, null, null), null,
                List.of(TestScenarios.drone("drone-1", 27.0)), null, null);
        Simulation sim = sim(s);
        MemoryGroundStation gcs = new MemoryGroundStation(link, sim);
        SimVehicle v = sim.vehicle("drone-1").vehicle();
        armAndTakeOff(gcs, sim, 30 + 20);
        gcs.command(1, MavCmd.MAV_CMD_DO_REPOSITION, -1, 1, 0, Float.NaN, (float) TestScenarios.HOME.latDeg(),
                (float) TestScenarios.FRAME.lonDeg(300), 50);
        gcs.stepUntil(Statustext.class, t -> t.text().startsWith("Emergency battery level"), Duration.ofSeconds(120));
        assertThat(sim.vehicle("drone-1").autopilot().mode()).isEqualTo(FlightMode.LAND);
        double eastAtFailsafe = v.eastM();
        sim.advance(Duration.ofSeconds(60));
        assertThat(v.airborne()).isFalse();
        assertThat(v.eastM()).as("landed where it was, m east").isCloseTo(eastAtFailsafe, Offset.offset(8.0)).isGreaterThan(20);
        sim.close();
    }

    @Test
    void fenceWithReturnActionBringsTheDroneHome() {
        Scenario s = TestScenarios.of(1, new FailsafeSpec(null, null, null, FailsafeConfig.FenceAction.RTL), null,
                List.of(TestScenarios.drone("drone-1")), null, null);
        Simulation sim = sim(s);
        MemoryGroundStation gcs = new MemoryGroundStation(link, sim);
        assertThat(gcs.upload(1, MavMissionType.MAV_MISSION_TYPE_FENCE, List.of(items.fenceCircle(0, 60))))
                .isEqualTo(MavMissionResult.MAV_MISSION_ACCEPTED);
        armAndTakeOff(gcs, sim, 30 + 20);
        gcs.command(1, MavCmd.MAV_CMD_DO_REPOSITION, -1, 1, 0, Float.NaN, (float) TestScenarios.FRAME.latDeg(150),
                (float) TestScenarios.HOME.lonDeg(), 50);
        gcs.stepUntil(Statustext.class, t -> t.text().equals("Geofence breached, returning to launch"), Duration.ofSeconds(60));
        gcs.stepUntil(Statustext.class, t -> t.text().equals("Disarmed by landing"), Duration.ofSeconds(120));
        SimVehicle v = sim.vehicle("drone-1").vehicle();
        assertThat(Math.hypot(v.eastM(), v.northM())).isLessThan(1.5);
        sim.close();
    }

    @Test
    void roverDrivesAMissionOnTheGroundAndReturns() {
        Simulation sim = sim(TestScenarios.of(1, List.of(TestScenarios.rover("robot-1"))));
        MemoryGroundStation gcs = new MemoryGroundStation(link, sim);
        assertThat(gcs.upload(1, List.of(items.waypoint(0, 40, 0, 0), items.waypoint(1, 40, 40, 0), items.returnToLaunch(2))))
                .isEqualTo(MavMissionResult.MAV_MISSION_ACCEPTED);
        gcs.command(1, MavCmd.MAV_CMD_COMPONENT_ARM_DISARM, 1);
        gcs.command(1, MavCmd.MAV_CMD_MISSION_START, 0, 0);
        gcs.stepUntil(MissionItemReached.class, r -> r.seq() == 2, Duration.ofSeconds(200));
        SimVehicle v = sim.vehicle("robot-1").vehicle();
        assertThat(Math.hypot(v.eastM(), v.northM())).isLessThan(1.5);
        assertThat(v.altitudeRelM()).isZero();
        assertThat(gcs.command(1, MavCmd.MAV_CMD_NAV_TAKEOFF, 0, 0, 0, 0, 0, 0, 50)).isEqualTo(MavResult.MAV_RESULT_UNSUPPORTED);
        sim.close();
    }
}
