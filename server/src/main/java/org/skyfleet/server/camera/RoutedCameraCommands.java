package org.skyfleet.server.camera;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.skyfleet.fleet.camera.CameraCommand;
import org.skyfleet.fleet.camera.CameraCommands;
import org.skyfleet.fleet.command.CommandOutcome;
import org.skyfleet.fleet.command.CommandResult;
import org.skyfleet.server.control.LinkRoutes;

/**
 * Sends a camera command through the link the vehicle speaks over. A vehicle on another node of a cluster is
 * NOT_CONNECTED here: camera commands are not relayed between nodes (yet).
 */
public final class RoutedCameraCommands implements CameraCommands {
    private final LinkRoutes<CameraCommands> routes;

    public RoutedCameraCommands(LinkRoutes<CameraCommands> routes) {
        this.routes = routes;
    }

    @Override
    public CompletionStage<CommandOutcome> send(String vehicleId, CameraCommand command) {
        return routes.forVehicle(vehicleId).map(c -> c.send(vehicleId, command)).orElseGet(() -> CompletableFuture.completedFuture(
                new CommandOutcome(CommandResult.NOT_CONNECTED, CommandOutcome.NO_PROGRESS, 0,
                        "vehicle " + vehicleId + " is not on a link of this node")));
    }
}
