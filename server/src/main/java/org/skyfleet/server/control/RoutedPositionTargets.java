package org.skyfleet.server.control;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.skyfleet.fleet.command.PositionTargets;

/**
 * Sends a position target through the link the vehicle speaks over. Targets are not relayed to other nodes: one
 * that misses its robot is followed by another within a second, and a relay would add its delay to every one.
 */
public final class RoutedPositionTargets implements PositionTargets {
    private final LinkRoutes<PositionTargets> routes;

    public RoutedPositionTargets(LinkRoutes<PositionTargets> routes) {
        this.routes = routes;
    }

    @Override
    public CompletionStage<Boolean> send(String vehicleId, double latDeg, double lonDeg, double altRelM) {
        return routes.forVehicle(vehicleId).map(t -> t.send(vehicleId, latDeg, lonDeg, altRelM))
                .orElseGet(() -> CompletableFuture.completedFuture(false));
    }
}
