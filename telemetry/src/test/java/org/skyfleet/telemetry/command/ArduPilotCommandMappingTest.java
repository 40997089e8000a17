package org.skyfleet.telemetry.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.command.VehicleCommand;
import org.skyfleet.fleet.event.VehicleHealthRules;
import org.skyfleet.fleet.vehicle.AutopilotKind;
import org.skyfleet.fleet.vehicle.FlightStatus;
import org.skyfleet.fleet.vehicle.HomePosition;
import org.skyfleet.fleet.vehicle.LandedState;
import org.skyfleet.fleet.vehicle.LinkState;
import org.skyfleet.fleet.vehicle.SystemStatus;
import org.skyfleet.fleet.vehicle.VehicleIdentity;
import org.skyfleet.fleet.vehicle.VehicleKind;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.telemetry.bus.InProcessFleetBus;

class ArduPilotCommandMappingTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static ArduPilotCommandMapping forKind(VehicleKind kind) {
        return new ArduPilotCommandMapping(id -> Optional.of(kind), id -> OptionalDouble.empty());
    }

    @Test
    void takeoffAltitudeIsRelativeToHomeAndNeedsNoHome() {
        MavCommand c = forKind(VehicleKind.MULTICOPTER).map("v", VehicleCommand.takeoff(25)).command();
        assertThat(c.commandId()).isEqualTo(22);
        assertThat(c.param7()).isEqualTo(25f);
    }

    @Test
    void holdIsLoiterOnCopterAndHoldOnRover() {
        assertThat(forKind(VehicleKind.MULTICOPTER).map("v", VehicleCommand.hold()).command())
                .extracting(MavCommand::commandId, MavCommand::param1, MavCommand::param2).containsExactly(176, 1f, 5f);
        assertThat(forKind(VehicleKind.GROUND_ROVER).map("v", VehicleCommand.hold()).command())
                .extracting(MavCommand::commandId, MavCommand::param1, MavCommand::param2).containsExactly(176, 1f, 4f);
        assertThat(forKind(VehicleKind.FIXED_WING).map("v", VehicleCommand.hold()).refusal()).contains("FIXED_WING");
    }

    @Test
    void orbitIsRefusedBeforeSendingOnEveryArduPilotFrame() {
        VehicleCommand orbit = VehicleCommand.orbit(51.5, -0.12, 40, 30, 4);
        assertThat(forKind(VehicleKind.MULTICOPTER).map("v", orbit).command()).isNull();
        assertThat(forKind(VehicleKind.MULTICOPTER).map("v", orbit).refusal()).contains("ORBIT", "PX4 only", "MULTICOPTER");
        assertThat(forKind(VehicleKind.GROUND_ROVER).map("v", orbit).refusal()).contains("GROUND_ROVER", "GOTO");
    }

    @Test
    void sharedVerbsAreTheCommonOnes() {
        assertThat(forKind(VehicleKind.GROUND_ROVER).map("v", VehicleCommand.kill()).command())
                .extracting(MavCommand::commandId, MavCommand::param2).containsExactly(400, 21196f);
        assertThat(forKind(VehicleKind.GROUND_ROVER).map("v", VehicleCommand.goTo(1, 2, 0)).command().asInt()).isTrue();
    }

    @Test
    void theRegistryDecidesWhichAutopilotsConventionsApply() {
        VehicleRegistry registry = new VehicleRegistry(new InProcessFleetBus(), VehicleHealthRules.defaults());
        register(registry, "mav-a-1", AutopilotKind.ARDUPILOT);
        register(registry, "mav-a-2", AutopilotKind.PX4);
        AutopilotCommandMapping mapping = new AutopilotCommandMapping(registry);

        assertThat(mapping.map("mav-a-1", VehicleCommand.takeoff(30)).command().param7()).isEqualTo(30f);
        assertThat(mapping.map("mav-a-2", VehicleCommand.takeoff(30)).command().param7()).isEqualTo(142.5f);
        assertThat(mapping.map("mav-a-3", VehicleCommand.takeoff(30)).refusal()).contains("home altitude");
    }

    private static void register(VehicleRegistry registry, String id, AutopilotKind autopilot) {
        FlightStatus status = new FlightStatus(LinkState.CONNECTED, T0, false, "HOLD", SystemStatus.STANDBY,
                LandedState.ON_GROUND);
        VehicleIdentity identity = new VehicleIdentity(id, VehicleKind.MULTICOPTER, autopilot, 1, "10.0.0.1:14550");
        registry.register(new VehicleState(identity, status, null, null, null, null, null,
                new HomePosition(51.5, -0.12, 112.5), 0), T0);
    }
}
