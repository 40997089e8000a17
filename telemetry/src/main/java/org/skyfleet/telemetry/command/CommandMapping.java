package org.skyfleet.telemetry.command;

import org.skyfleet.fleet.command.VehicleCommand;

/** Turns a verb into the MAVLink command one kind of autopilot acts on. Called on the link's event loop. */
@FunctionalInterface
public interface CommandMapping {

    /** The command to send to this vehicle, or why none can be sent. */
    MappedCommand map(String vehicleId, VehicleCommand command);
}
