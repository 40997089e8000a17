package org.skyfleet.server.control;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.skyfleet.fleet.command.MissionItem;
import org.skyfleet.fleet.command.MissionTransfer;
import org.skyfleet.fleet.command.MissionType;
import org.skyfleet.fleet.command.TransferOutcome;
import org.skyfleet.fleet.command.TransferStatus;

/** Transfers missions over the link the vehicle speaks over. */
public final class RoutedMissionTransfer implements MissionTransfer {
    private final LinkRoutes<MissionTransfer> routes;

    public RoutedMissionTransfer(LinkRoutes<MissionTransfer> routes) {
        this.routes = routes;
    }

    @Override
    public CompletionStage<TransferOutcome> upload(String vehicleId, MissionType type, List<MissionItem> items) {
        return routes.forVehicle(vehicleId).map(t -> t.upload(vehicleId, type, items)).orElseGet(() -> notLinked(vehicleId));
    }

    @Override
    public CompletionStage<TransferOutcome> download(String vehicleId, MissionType type) {
        return routes.forVehicle(vehicleId).map(t -> t.download(vehicleId, type)).orElseGet(() -> notLinked(vehicleId));
    }

    @Override
    public CompletionStage<TransferOutcome> clear(String vehicleId, MissionType type) {
        return routes.forVehicle(vehicleId).map(t -> t.clear(vehicleId, type)).orElseGet(() -> notLinked(vehicleId));
    }

    private static CompletionStage<TransferOutcome> notLinked(String vehicleId) {
        return CompletableFuture.completedFuture(TransferOutcome.notSent(TransferStatus.NOT_CONNECTED,
                "vehicle " + vehicleId + " is not on any MAVLink link of this server"));
    }
}
