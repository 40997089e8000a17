package org.skyfleet.server.control;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.skyfleet.fleet.command.CommandOutcome;
import org.skyfleet.fleet.command.CommandResult;
import org.skyfleet.fleet.command.VehicleCommand;
import org.skyfleet.fleet.command.VehicleCommands;

/** Sends a command through the link the vehicle speaks over: vehicle ids are {@code mav-<link>-<system id>}. */
public final class RoutedVehicleCommands implements VehicleCommands {
    private final Map<String, VehicleCommands> byLinkName;

    public RoutedVehicleCommands(Map<String, VehicleCommands> byLinkName) {
        this.byLinkName = Map.copyOf(byLinkName);
    }

    @Override
    public CompletionStage<CommandOutcome> send(String vehicleId, VehicleCommand command, Consumer<CommandOutcome> progress) {
        for (Map.Entry<String, VehicleCommands> e : byLinkName.entrySet()) {
            if (vehicleId.startsWith("mav-" + e.getKey() + "-")) {
                return e.getValue().send(vehicleId, command, progress);
            }
        }
        return CompletableFuture.completedFuture(CommandOutcome.of(CommandResult.NOT_CONNECTED, 0));
    }
}
