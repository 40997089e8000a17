package org.skyfleet.cluster.relay;

import io.nats.client.Connection;
import io.nats.client.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.skyfleet.fleet.command.MissionItem;
import org.skyfleet.fleet.command.MissionType;
import org.skyfleet.fleet.command.TransferOutcome;
import org.skyfleet.fleet.command.TransferStatus;

/**
 * The calling side of the mission transfer relay. A failed relay is told as a transfer that was not sent
 * (NOT_CONNECTED: the owner is gone or refused) or that timed out (no answer within the deadline, which is
 * longer than a transfer's own retries), with the reason in the detail.
 */
public final class TransferRelayClient {
    private final Connection nats;
    private final Duration deadline;
    private final CallerTokens callers;

    /** Relays carrying no caller: for nodes without a token key. */
    public TransferRelayClient(Connection nats, Duration deadline) {
        this(nats, deadline, CallerTokens.none());
    }

    /** @param callers the token of the caller each transfer is relayed for, read on the calling thread */
    public TransferRelayClient(Connection nats, Duration deadline, CallerTokens callers) {
        this.nats = nats;
        this.deadline = deadline;
        this.callers = callers;
    }

    public CompletionStage<TransferOutcome> upload(String ownerNodeId, String vehicleId, MissionType type, List<MissionItem> items) {
        return send(ownerNodeId, new TransferRelayCodec.Request(TransferRelayCodec.Operation.UPLOAD, vehicleId, type, items));
    }

    public CompletionStage<TransferOutcome> download(String ownerNodeId, String vehicleId, MissionType type) {
        return send(ownerNodeId, new TransferRelayCodec.Request(TransferRelayCodec.Operation.DOWNLOAD, vehicleId, type, List.of()));
    }

    public CompletionStage<TransferOutcome> clear(String ownerNodeId, String vehicleId, MissionType type) {
        return send(ownerNodeId, new TransferRelayCodec.Request(TransferRelayCodec.Operation.CLEAR, vehicleId, type, List.of()));
    }

    private CompletionStage<TransferOutcome> send(String owner, TransferRelayCodec.Request r) {
        Message request = io.nats.client.impl.NatsMessage.builder().subject(RelaySubjects.transfers(owner))
                .headers(RelayGate.carrying(callers.current())).data(TransferRelayCodec.request(r)).build();
        return nats.request(request)
                .orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS)
                .handle((reply, error) -> error != null ? failed(owner, error) : answered(owner, reply));
    }

    private static TransferOutcome answered(String owner, Message reply) {
        if (reply.isStatusMessage()) {
            return TransferOutcome.notSent(TransferStatus.NOT_CONNECTED, "relayed to node " + owner + ": "
                    + (reply.getStatus().getCode() == 503 ? "it is not serving transfers" : reply.getStatus().getMessage()));
        }
        if (reply.getHeaders() != null && reply.getHeaders().containsKey(RelaySubjects.REFUSED_HEADER)) {
            return TransferOutcome.notSent(TransferStatus.NOT_CONNECTED, "relayed to node " + owner + ": "
                    + new String(reply.getData(), StandardCharsets.UTF_8));
        }
        try {
            return TransferRelayCodec.parseOutcome(reply.getData());
        } catch (IOException | RuntimeException e) {
            return TransferOutcome.notSent(TransferStatus.NOT_CONNECTED, "unreadable answer from node " + owner + ": " + e.getMessage());
        }
    }

    private TransferOutcome failed(String owner, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof TimeoutException) {
            return TransferOutcome.notSent(TransferStatus.TIMED_OUT, "relayed to node " + owner + ": no answer within "
                    + deadline.toSeconds() + " s");
        }
        if (cause instanceof CancellationException) { // jnats cancels a request nobody subscribes to
            return TransferOutcome.notSent(TransferStatus.NOT_CONNECTED, "relayed to node " + owner + ": it is not serving transfers");
        }
        return TransferOutcome.notSent(TransferStatus.NOT_CONNECTED, "relay to node " + owner + " failed: " + cause);
    }
}
