package org.skyfleet.cluster;

import io.grpc.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import org.skyfleet.fleet.cluster.LinkOwner;
import org.skyfleet.fleet.cluster.LinkOwnership;
import org.skyfleet.fleet.command.MissionItem;
import org.skyfleet.fleet.command.MissionTransfer;
import org.skyfleet.fleet.command.MissionType;
import org.skyfleet.fleet.command.TransferOutcome;
import org.skyfleet.fleet.command.TransferStatus;
import org.skyfleet.cluster.relay.TransferRelayClient;
import org.skyfleet.telemetry.link.LinkGate;

/**
 * Mission, fence and rally transfers on a node of a shared fleet: a vehicle this node holds gets them
 * through its own link; any other through the node that owns its link, which runs the MAVLink handshake
 * and answers with the outcome. So a mission planned on any node, by a pilot or by the search automation
 * on the records leader, goes up to whichever node's drone it was planned for.
 */
final class ClusterMissionTransfer implements MissionTransfer {
    private final MissionTransfer local;
    private final LinkGate gate;
    private final LinkOwnership ownership;
    private final TransferRelayClient relay;
    private final Executor io;
    private final Executor replies;
    private final Counter relayed;

    /** @param replies carries relayed outcomes on, off the NATS connection's thread */
    ClusterMissionTransfer(MissionTransfer local, LinkGate gate, LinkOwnership ownership, TransferRelayClient relay, Executor io,
                           Executor replies, MeterRegistry meters) {
        this.local = local;
        this.gate = gate;
        this.ownership = ownership;
        this.relay = relay;
        this.io = io;
        this.replies = replies;
        this.relayed = Counter.builder("skyfleet.cluster.transfers.relayed")
                .description("mission, fence and rally transfers sent to the node owning the vehicle").register(meters);
    }

    @Override
    public CompletionStage<TransferOutcome> upload(String vehicleId, MissionType type, List<MissionItem> items) {
        return route(vehicleId, () -> local.upload(vehicleId, type, items), (owner, v) -> relay.upload(owner, v, type, items));
    }

    @Override
    public CompletionStage<TransferOutcome> download(String vehicleId, MissionType type) {
        return route(vehicleId, () -> local.download(vehicleId, type), (owner, v) -> relay.download(owner, v, type));
    }

    @Override
    public CompletionStage<TransferOutcome> clear(String vehicleId, MissionType type) {
        return route(vehicleId, () -> local.clear(vehicleId, type), (owner, v) -> relay.clear(owner, v, type));
    }

    private CompletionStage<TransferOutcome> route(String vehicleId, java.util.function.Supplier<CompletionStage<TransferOutcome>> here,
                                                   BiFunction<String, String, CompletionStage<TransferOutcome>> there) {
        if (gate.holds(vehicleId)) {
            return here.get();
        }
        // the owner lookup is a round trip to the broker: not on the caller's thread; the relay goes on in the
        // caller's gRPC context, so that it carries the caller to the owner
        Executor inCallersContext = Context.current().fixedContextExecutor(Runnable::run);
        return CompletableFuture.supplyAsync(() -> ownership.owner(vehicleId), io)
                .thenComposeAsync((Optional<LinkOwner> owner) -> {
                    if (owner.isEmpty()) {
                        return CompletableFuture.completedFuture(TransferOutcome.notSent(TransferStatus.NOT_CONNECTED,
                                "no control-plane node holds the link of " + vehicleId));
                    }
                    if (owner.get().nodeId().equals(ownership.nodeId())) {
                        return here.get();
                    }
                    relayed.increment();
                    return there.apply(owner.get().nodeId(), vehicleId).thenApplyAsync(outcome -> outcome, replies);
                }, inCallersContext)
                .exceptionally(e -> TransferOutcome.notSent(TransferStatus.NOT_CONNECTED,
                        "vehicle link ownership is unavailable: " + e.getMessage()));
    }
}
