package org.skyfleet.fleet.command;

import java.util.concurrent.CompletionStage;

/**
 * Streams position targets to a vehicle already in its guided mode (ArduPilot GUIDED): a destination it drives to
 * and stops at until the next one. Unlike a {@link VehicleCommands command} a target has no answer on the wire
 * (MAVLink's SET_POSITION_TARGET_GLOBAL_INT is not acknowledged), so a caller sends them again and again, 1-2 per
 * second, and reads where the vehicle went from its telemetry. The port behind which a MAVLink link (or a fake) sits.
 */
public interface PositionTargets {

    /**
     * Sends one target: WGS-84 {@code latDeg}/{@code lonDeg}, on the ground ({@code altRelM} above home, 0 for a rover).
     *
     * @return completes with true once the target went on the wire, false if the vehicle is not on any link here
     */
    CompletionStage<Boolean> send(String vehicleId, double latDeg, double lonDeg, double altRelM);
}
