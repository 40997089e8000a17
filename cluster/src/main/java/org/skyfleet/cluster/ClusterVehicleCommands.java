package org.skyfleet.cluster;

import io.grpc.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.skyfleet.fleet.cluster.LinkOwner;
import org.skyfleet.fleet.cluster.LinkOwnership;
import org.skyfleet.fleet.cluster.RelayOutcome;
import org.skyfleet.fleet.cluster.RelayStatus;
import org.skyfleet.fleet.cluster.RemoteCommands;
import org.skyfleet.fleet.command.CommandOutcome;
import org.skyfleet.fleet.command.CommandResult;
import org.skyfleet.fleet.command.VehicleCommand;
import org.skyfleet.fleet.command.VehicleCommands;
import org.skyfleet.telemetry.link.LinkGate;

/**
 * Commands on a node of a shared fleet: a vehicle this node holds is commanded through its own link; any
 * other goes to the node that owns it, with the caller's command id, and comes back with the vehicle's
 * answer. A relay that fails is told as the ground side's verdict, with the reason in the detail:
 * no owner or an owner that is gone is NOT_CONNECTED, no answer in time is TIMED_OUT.
 */
final class ClusterVehicleCommands implements VehicleCommands {
    private final VehicleCommands local;
    private final LinkGate gate;
    private final LinkOwnership ownership;
    private final RemoteCommands relay;
    private final Executor io;
    private final Executor replies;
    private final Map<RelayStatus, Counter> relayed = new EnumMap<>(RelayStatus.class);

    /** @param replies carries relayed answers on, off the NATS connection's thread */
    ClusterVehicleCommands(VehicleCommands local, LinkGate gate, LinkOwnership ownership, RemoteCommands relay, Executor io,
                           Executor replies, MeterRegistry meters) {
        this.local = local;
        this.gate = gate;
        this.ownership = ownership;
        this.relay = relay;
        this.io = io;
        this.replies = replies;
        for (RelayStatus s : RelayStatus.values()) {
            relayed.put(s, Counter.builder("skyfleet.cluster.commands.relayed").tag("status", s.name().toLowerCase()).register(meters));
        }
    }

    @Override
    public CompletionStage<CommandOutcome> send(String vehicleId, VehicleCommand command, Consumer<CommandOutcome> progress) {
        // automation's own commands carry no id: one made here still runs once on the owner
        return send("node-" + ownership.nodeId() + "-" + UUID.randomUUID(), vehicleId, command, progress);
    }

    @Override
    public CompletionStage<CommandOutcome> send(String commandId, String vehicleId, VehicleCommand command,
                                                Consumer<CommandOutcome> progress) {
        if (gate.holds(vehicleId)) {
            return local.send(vehicleId, command, progress);
        }
        // the owner lookup is a round trip to the broker: not on the caller's (gRPC or event-loop) thread; the relay
        // goes on in the caller's gRPC context, so that it carries the caller to the owner
        Executor inCallersContext = Context.current().fixedContextExecutor(Runnable::run);
        return CompletableFuture.supplyAsync(() -> ownership.owner(vehicleId), io)
                .thenComposeAsync(owner -> relayTo(owner, commandId, vehicleId, command, progress), inCallersContext)
                .exceptionally(e -> new CommandOutcome(CommandResult.NOT_CONNECTED, CommandOutcome.NO_PROGRESS, 0,
                        "vehicle link ownership is unavailable: " + e.getMessage()));
    }

    private CompletionStage<CommandOutcome> relayTo(Optional<LinkOwner> owner, String commandId, String vehicleId,
                                                    VehicleCommand command, Consumer<CommandOutcome> progress) {
        if (owner.isEmpty()) {
            return CompletableFuture.completedFuture(new CommandOutcome(CommandResult.NOT_CONNECTED, CommandOutcome.NO_PROGRESS, 0,
                    "no control-plane node holds the link of " + vehicleId));
        }
        String node = owner.get().nodeId();
        if (node.equals(ownership.nodeId())) {
            return local.send(vehicleId, command, progress);
        }
        return relay.send(node, commandId, vehicleId, command).thenApplyAsync(r -> {
            relayed.get(r.status()).increment();
            return outcome(node, r);
        }, replies);
    }

    private static CommandOutcome outcome(String node, RelayOutcome r) {
        return switch (r.status()) {
            case OK -> r.outcome();
            case DEADLINE_EXCEEDED -> new CommandOutcome(CommandResult.TIMED_OUT, CommandOutcome.NO_PROGRESS, 0,
                    "relayed to node " + node + ": " + r.detail());
            case UNAVAILABLE, REJECTED -> new CommandOutcome(CommandResult.NOT_CONNECTED, CommandOutcome.NO_PROGRESS, 0,
                    "relayed to node " + node + ": " + r.detail());
        };
    }
}
