package org.skyfleet.server.control;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.skyfleet.fleet.command.CommandOutcome;
import org.skyfleet.fleet.command.CommandResult;
import org.skyfleet.fleet.command.VehicleCommand;
import org.skyfleet.fleet.command.VehicleCommands;

/** Sends a command through the link the vehicle speaks over. */
public final class RoutedVehicleCommands implements VehicleCommands {
    private final LinkRoutes<VehicleCommands> routes;

    public RoutedVehicleCommands(LinkRoutes<VehicleCommands> routes) {
        this.routes = routes;
    }

    @Override
    public CompletionStage<CommandOutcome> send(String vehicleId, VehicleCommand command, Consumer<CommandOutcome> progress) {
        return routes.forVehicle(vehicleId).map(c -> c.send(vehicleId, command, progress))
                .orElseGet(() -> CompletableFuture.completedFuture(CommandOutcome.of(CommandResult.NOT_CONNECTED, 0)));
    }
}
