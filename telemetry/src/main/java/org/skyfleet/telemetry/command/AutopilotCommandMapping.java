package org.skyfleet.telemetry.command;

import org.skyfleet.fleet.command.VehicleCommand;
import org.skyfleet.fleet.vehicle.AutopilotKind;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.fleet.vehicle.VehicleState;

/**
 * Maps each vehicle's commands for the autopilot its heartbeat reported: {@link ArduPilotCommandMapping} for
 * ArduPilot, {@link Px4CommandMapping} for PX4 and anything else (PX4's are the MAVLink common conventions).
 * Home altitudes and vehicle kinds come from the registry.
 */
public final class AutopilotCommandMapping implements CommandMapping {
    private final VehicleRegistry registry;
    private final Px4CommandMapping px4;
    private final ArduPilotCommandMapping ardupilot;

    public AutopilotCommandMapping(VehicleRegistry registry) {
        this.registry = registry;
        HomeAltitudes homes = HomeAltitudes.from(registry);
        this.px4 = new Px4CommandMapping(homes);
        this.ardupilot = new ArduPilotCommandMapping(id -> registry.find(id).map(s -> s.identity().kind()), homes);
    }

    @Override
    public MappedCommand map(String vehicleId, VehicleCommand command) {
        AutopilotKind autopilot = registry.find(vehicleId).map(VehicleState::identity).map(i -> i.autopilot())
                .orElse(AutopilotKind.OTHER);
        return autopilot == AutopilotKind.ARDUPILOT ? ardupilot.map(vehicleId, command) : px4.map(vehicleId, command);
    }
}
