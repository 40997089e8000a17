package org.skyfleet.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.common.CommandInt;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MavFrame;
import io.dronefleet.mavlink.common.MavResult;
import io.dronefleet.mavlink.common.PositionTargetTypemask;
import io.dronefleet.mavlink.common.SetPositionTargetGlobalInt;
import io.dronefleet.mavlink.util.EnumValue;
import java.time.Duration;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyfleet.simulator.autopilot.FlightMode;
import org.skyfleet.simulator.gcs.Items;
import org.skyfleet.simulator.gcs.MemoryGroundStation;
import org.skyfleet.simulator.gcs.TestScenarios;
import org.skyfleet.simulator.link.MemoryLink;
import org.skyfleet.simulator.scenario.ScenarioVehicle;
import org.skyfleet.simulator.vehicle.AutopilotFlavour;
import org.skyfleet.simulator.vehicle.SimVehicle;
import org.skyfleet.simulator.vehicle.SimVehicleKind;

/**
 * ArduPilot Rover's GUIDED, as a robot following an officer uses it: DO_REPOSITION enters GUIDED and drives to the
 * point; SET_POSITION_TARGET_GLOBAL_INT moves the destination while in GUIDED, is ignored outside it, and the rover
 * stops at the last one however long the next takes (no Offboard-style timeout), never faster than its top speed.
 */
class ArduPilotGuidedTest {
    private Simulation sim;
    private MemoryGroundStation gcs;
    private SimVehicle v;

    @AfterEach
    void close() {
        sim.close();
    }

    private void start() {
        MemoryLink link = new MemoryLink();
        ScenarioVehicle rover = new ScenarioVehicle("robot-1", SimVehicleKind.GROUND_ROVER, AutopilotFlavour.ARDUPILOT_LEGACY,
                null, null, null, null, null, null, null, null, null, null);
        sim = Simulation.manual(TestScenarios.of(1, List.of(rover)), n -> link.vehicleEnd(), r -> { });
        gcs = new MemoryGroundStation(link, sim);
        v = sim.vehicle("robot-1").vehicle();
        assertThat(gcs.command(1, MavCmd.MAV_CMD_COMPONENT_ARM_DISARM, 1)).isEqualTo(MavResult.MAV_RESULT_ACCEPTED);
    }

    private FlightMode mode() {
        return sim.vehicle("robot-1").autopilot().mode();
    }

    private void target(double eastM, double northM) {
        gcs.send(SetPositionTargetGlobalInt.builder().targetSystem(1).targetComponent(1)
                .coordinateFrame(MavFrame.MAV_FRAME_GLOBAL_RELATIVE_ALT_INT)
                .typeMask(EnumValue.create(PositionTargetTypemask.class, 0x0DF8))
                .latInt(Items.degE7(TestScenarios.FRAME.latDeg(northM))).lonInt(Items.degE7(TestScenarios.FRAME.lonDeg(eastM)))
                .alt(0).build());
    }

    @Test
    void repositionEntersGuidedAndPositionTargetsMoveTheDestinationUntilTheRoverStopsAtTheLast() {
        start();
        target(0, 30);
        sim.advance(Duration.ofSeconds(5));
        assertThat(mode()).as("outside GUIDED a target is ignored").isEqualTo(FlightMode.HOLD);
        assertThat(Math.hypot(v.eastM(), v.northM())).isLessThan(0.5);

        CommandInt reposition = CommandInt.builder().targetSystem(1).targetComponent(1)
                .frame(MavFrame.MAV_FRAME_GLOBAL_RELATIVE_ALT_INT).command(MavCmd.MAV_CMD_DO_REPOSITION)
                .param1(-1).param2(1).param3(0).param4(Float.NaN)
                .x(Items.degE7(TestScenarios.FRAME.latDeg(10))).y(Items.degE7(TestScenarios.FRAME.lonDeg(0))).z(0).build();
        assertThat(gcs.commandPayload(reposition, MavCmd.MAV_CMD_DO_REPOSITION)).isEqualTo(MavResult.MAV_RESULT_ACCEPTED);
        assertThat(mode()).isEqualTo(FlightMode.OFFBOARD); // ArduPilot Rover reports it as GUIDED (15)
        double topSpeed = 0;
        for (int i = 0; i < 40; i++) {
            sim.advance(Duration.ofMillis(500));
            topSpeed = Math.max(topSpeed, v.groundSpeedMps());
            if (i % 2 == 0) {
                target(5, 10 + i); // the officer walks north-east, a target a second
            }
        }
        assertThat(topSpeed).isLessThanOrEqualTo(v.spec().maxSpeedMps() + 1e-9);
        // no target for 30 s: the rover stops at the last one (5 m east, 48 m north) and stays in GUIDED
        sim.advance(Duration.ofSeconds(30));
        assertThat(mode()).isEqualTo(FlightMode.OFFBOARD);
        assertThat(v.eastM()).isCloseTo(5, Offset.offset(0.5));
        assertThat(v.northM()).isCloseTo(48, Offset.offset(0.5));
        assertThat(v.groundSpeedMps()).isLessThan(0.05);
    }
}
