package org.skyfleet.cluster.relay;

import com.google.protobuf.InvalidProtocolBufferException;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import org.skyfleet.fleet.cluster.LinkOwnership;
import org.skyfleet.fleet.command.CommandOutcome;
import org.skyfleet.fleet.command.VehicleCommand;
import org.skyfleet.fleet.command.VehicleCommands;
import org.skyfleet.fleet.control.CommandLedger;
import org.skyfleet.proto.v1.SendCommandRequest;

/**
 * The owning side of the command relay: serves {@code skyfleet.cmd.<this node>}, runs each command for a
 * vehicle this node owns through its own links, once per command id (the ledger answers a repeat, from
 * whichever node it came, with the first run's result), and replies with the vehicle's answer when it
 * comes. The broker's thread only decodes and starts the command; the reply is sent from wherever the
 * command completes. Before anything runs, the {@link RelayGate} checks the caller's token the request carries
 * against the role table for {@value #METHOD}: a command anyone could publish on the subject is refused.
 */
public final class CommandRelayServer implements AutoCloseable {
    /** The RPC a relayed command stands for, whose roles the owner checks. */
    static final String METHOD = "skyfleet.v1.FleetService/SendCommand";
    private final Connection nats;
    private final LinkOwnership ownership;
    private final VehicleCommands commands;
    private final CommandLedger<CommandOutcome> ledger;
    private final RelayGate gate;
    private final Dispatcher dispatcher;

    /** Without a caller check: for nodes without a token key. */
    public CommandRelayServer(Connection nats, LinkOwnership ownership, VehicleCommands commands, CommandLedger<CommandOutcome> ledger) {
        this(nats, ownership, commands, ledger, RelayGate.open());
    }

    public CommandRelayServer(Connection nats, LinkOwnership ownership, VehicleCommands commands, CommandLedger<CommandOutcome> ledger,
                              RelayGate gate) {
        this.nats = nats;
        this.gate = gate;
        this.ownership = ownership;
        this.commands = commands;
        this.ledger = ledger;
        this.dispatcher = nats.createDispatcher(this::onRequest);
        dispatcher.subscribe(RelaySubjects.node(ownership.nodeId()));
    }

    private void onRequest(Message m) {
        String replyTo = m.getReplyTo();
        if (replyTo == null) {
            return;  // nobody to answer: a command is only run for a caller that waits for its result
        }
        var refusal = gate.check(m, METHOD);
        if (refusal.isPresent()) {
            nats.publish(RelaySubjects.refusal(replyTo, refusal.get().code(), refusal.get().toString()));
            return;
        }
        SendCommandRequest request;
        VehicleCommand command;
        try {
            request = RelayCodec.parseRequest(m.getData());
            command = RelayCodec.command(request);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            refuse(replyTo, "malformed command: " + e.getMessage());
            return;
        }
        String vehicleId = request.getVehicleId();
        if (!ownership.ownsLocally(vehicleId)) {
            refuse(replyTo, "node " + ownership.nodeId() + " does not own the link of " + vehicleId);
            return;
        }
        try {
            ledger.runOnce(request.getCommandId(), vehicleId + " " + command, () -> commands.send(vehicleId, command))
                    .whenComplete((outcome, error) -> {
                        if (error != null) {
                            refuse(replyTo, "command failed on " + ownership.nodeId() + ": " + error.getMessage());
                        } else {
                            nats.publish(replyTo, RelayCodec.response(outcome));
                        }
                    });
        } catch (IllegalArgumentException e) {
            refuse(replyTo, e.getMessage());  // no id, or an id already used for another command
        }
    }

    private void refuse(String replyTo, String why) {
        nats.publish(RelaySubjects.refusal(replyTo, null, why));
    }

    @Override
    public void close() {
        nats.closeDispatcher(dispatcher);
    }
}
