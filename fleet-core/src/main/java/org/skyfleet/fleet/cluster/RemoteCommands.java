package org.skyfleet.fleet.cluster;

import java.util.concurrent.CompletionStage;
import org.skyfleet.fleet.command.VehicleCommand;

/**
 * Sends a command to the node that owns the vehicle's link, which runs it through its own
 * {@link org.skyfleet.fleet.command.VehicleCommands} and returns the vehicle's answer. The command id
 * travels with it, so the owner runs a repeated id once, whichever node it came through. The stage never
 * completes exceptionally: a failed relay is an outcome ({@link RelayStatus}).
 */
public interface RemoteCommands {

    CompletionStage<RelayOutcome> send(String ownerNodeId, String commandId, String vehicleId, VehicleCommand command);
}
