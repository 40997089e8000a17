package org.skyfleet.cluster.relay;

import com.google.protobuf.InvalidProtocolBufferException;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.impl.NatsMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.skyfleet.fleet.cluster.RelayOutcome;
import org.skyfleet.fleet.cluster.RelayStatus;
import org.skyfleet.fleet.cluster.RemoteCommands;
import org.skyfleet.fleet.command.VehicleCommand;

/**
 * The calling side of the command relay: a NATS request to the owner's subject, waiting at most
 * {@code deadline} (longer than a vehicle's own command timeout, so a slow vehicle is reported as the
 * vehicle's TIMED_OUT rather than as a lost relay). No owner listening is UNAVAILABLE at once; no reply
 * in time is DEADLINE_EXCEEDED. Each request carries the caller's token ({@link CallerTokens}) for the owner to check.
 */
public final class CommandRelayClient implements RemoteCommands {
    private final Connection nats;
    private final Duration deadline;
    private final CallerTokens callers;

    /** Relays carrying no caller: for nodes without a token key. */
    public CommandRelayClient(Connection nats, Duration deadline) {
        this(nats, deadline, CallerTokens.none());
    }

    /** @param callers the token of the caller each relayed command is sent for, read on the calling thread */
    public CommandRelayClient(Connection nats, Duration deadline, CallerTokens callers) {
        this.nats = nats;
        this.deadline = deadline;
        this.callers = callers;
    }

    @Override
    public CompletionStage<RelayOutcome> send(String ownerNodeId, String commandId, String vehicleId, VehicleCommand command) {
        Message request = NatsMessage.builder().subject(RelaySubjects.node(ownerNodeId))
                .headers(RelayGate.carrying(callers.current())).data(RelayCodec.request(commandId, vehicleId, command)).build();
        return nats.request(request)
                .orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS)
                .handle((reply, error) -> error != null ? failed(ownerNodeId, error) : answered(ownerNodeId, reply));
    }

    private static RelayOutcome answered(String owner, Message reply) {
        if (reply.isStatusMessage()) {
            return reply.getStatus().getCode() == 503
                    ? RelayOutcome.failed(RelayStatus.UNAVAILABLE, "node " + owner + " is not serving commands")
                    : RelayOutcome.failed(RelayStatus.UNAVAILABLE, "broker answered " + reply.getStatus().getMessage());
        }
        if (reply.getHeaders() != null && reply.getHeaders().containsKey(RelaySubjects.REFUSED_HEADER)) {
            return RelayOutcome.failed(RelayStatus.REJECTED, new String(reply.getData(), StandardCharsets.UTF_8));
        }
        try {
            return RelayOutcome.ok(RelayCodec.outcome(reply.getData()));
        } catch (InvalidProtocolBufferException e) {
            return RelayOutcome.failed(RelayStatus.UNAVAILABLE, "unreadable answer from node " + owner + ": " + e.getMessage());
        }
    }

    private RelayOutcome failed(String owner, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof TimeoutException) {
            return RelayOutcome.failed(RelayStatus.DEADLINE_EXCEEDED, "no answer from node " + owner + " within "
                    + deadline.toMillis() + " ms; it may still run the command: repeat it with the same command id");
        }
        if (cause instanceof CancellationException) {
            // jnats cancels a request nobody subscribes to (the server's "no responders")
            return RelayOutcome.failed(RelayStatus.UNAVAILABLE, "node " + owner + " is not serving commands");
        }
        return RelayOutcome.failed(RelayStatus.UNAVAILABLE, "relay to node " + owner + " failed: " + cause);
    }
}
