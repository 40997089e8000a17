package org.skyfleet.telemetry.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.command.VehicleCommand;

class Px4CommandMappingTest {
    private final Px4CommandMapping mapping = new Px4CommandMapping(id -> OptionalDouble.of(100));

    private MavCommand map(VehicleCommand c) {
        return mapping.map("v", c).command();
    }

    @Test
    void armDisarmAndKillDifferOnlyInParam1AndTheForceCode() {
        assertThat(map(VehicleCommand.arm())).extracting(MavCommand::commandId, MavCommand::param1, MavCommand::param2)
                .containsExactly(400, 1f, 0f);
        assertThat(map(VehicleCommand.disarm())).extracting(MavCommand::commandId, MavCommand::param1, MavCommand::param2)
                .containsExactly(400, 0f, 0f);
        assertThat(map(VehicleCommand.kill())).extracting(MavCommand::commandId, MavCommand::param1, MavCommand::param2)
                .containsExactly(400, 0f, 21196f);
    }

    @Test
    void holdSwitchesPx4ToAutoLoiter() {
        assertThat(map(VehicleCommand.hold())).extracting(MavCommand::commandId, MavCommand::param1, MavCommand::param2,
                MavCommand::param3).containsExactly(176, 1f, 4f, 3f);
    }

    @Test
    void missionVerbsAndSpeed() {
        assertThat(map(VehicleCommand.missionStart()).commandId()).isEqualTo(300);
        assertThat(map(VehicleCommand.missionPause())).extracting(MavCommand::commandId, MavCommand::param1)
                .containsExactly(193, 0f);
        assertThat(map(VehicleCommand.missionResume())).extracting(MavCommand::commandId, MavCommand::param1)
                .containsExactly(193, 1f);
        assertThat(map(VehicleCommand.setSpeed(7.5))).extracting(MavCommand::commandId, MavCommand::param1,
                MavCommand::param2, MavCommand::param3).containsExactly(178, 1f, 7.5f, -1f);
        assertThat(map(VehicleCommand.returnToLaunch()).commandId()).isEqualTo(20);
        assertThat(map(VehicleCommand.land()).commandId()).isEqualTo(21);
    }

    @Test
    void orbitIsDoOrbitAsCommandIntWithTheDirectionInTheSignOfTheRadius() {
        MavCommand cw = map(VehicleCommand.orbit(51.5034567, -0.1276543, 40, 30, 4));
        assertThat(cw).extracting(MavCommand::commandId, MavCommand::asInt, MavCommand::frame).containsExactly(34, true, 6);
        assertThat(cw).extracting(MavCommand::param1, MavCommand::param2, MavCommand::param3, MavCommand::param4)
                .as("radius, speed, yaw to centre, orbit forever").containsExactly(30f, 4f, 0f, 0f);
        assertThat(cw).extracting(MavCommand::xDegE7, MavCommand::yDegE7, MavCommand::param7)
                .containsExactly(515_034_567, -1_276_543, 40f);

        MavCommand ccw = map(VehicleCommand.orbit(51.5, -0.12, 40, 30, -4));
        assertThat(ccw).extracting(MavCommand::param1, MavCommand::param2).containsExactly(-30f, 4f);
        assertThat(map(VehicleCommand.orbit(51.5, -0.12, 40, 30, 0)).param1()).as("speed 0: clockwise").isEqualTo(30f);
    }

    @Test
    void roiIsDoSetRoiLocationAsCommandIntOnTheSpotForEveryGimbal() {
        MavCommand roi = map(VehicleCommand.roi(29.8720001, 121.5560002, 0));
        assertThat(roi).extracting(MavCommand::commandId, MavCommand::asInt, MavCommand::frame).containsExactly(195, true, 6);
        assertThat(roi).extracting(MavCommand::param1).as("gimbal device 0: all").isEqualTo(0f);
        assertThat(roi).extracting(MavCommand::xDegE7, MavCommand::yDegE7, MavCommand::param7)
                .containsExactly(298_720_001, 1_215_560_002, 0f);
    }

    @Test
    void onlyPositionCommandsTravelAsCommandInt() {
        assertThat(map(VehicleCommand.roi(1, 2, 0)).asInt()).isTrue();
        assertThat(map(VehicleCommand.goTo(1, 2, 3)).asInt()).isTrue();
        assertThat(map(VehicleCommand.orbit(1, 2, 3, 10, 1)).asInt()).isTrue();
        assertThat(map(VehicleCommand.takeoff(3)).asInt()).isFalse();
        assertThat(map(VehicleCommand.takeoff(3)).param7()).isEqualTo(103f);
    }
}
