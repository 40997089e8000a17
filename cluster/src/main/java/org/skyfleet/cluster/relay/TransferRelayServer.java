package org.skyfleet.cluster.relay;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.io.IOException;
import java.util.concurrent.CompletionStage;
import org.skyfleet.fleet.cluster.LinkOwnership;
import org.skyfleet.fleet.command.MissionTransfer;
import org.skyfleet.fleet.command.TransferOutcome;

/**
 * The owning side of the mission transfer relay: serves {@code skyfleet.transfer.<this node>}, runs each
 * upload, download or clear for a vehicle this node owns through its own link (the MAVLink mission
 * handshake needs the link), and replies with the outcome when it ends. The {@link RelayGate} first checks the
 * caller's token against the roles of the RPC the transfer stands for (UploadFence for a fence, UploadMission
 * for a mission or rally points).
 */
public final class TransferRelayServer implements AutoCloseable {
    private final Connection nats;
    private final LinkOwnership ownership;
    private final MissionTransfer transfers;
    private final RelayGate gate;
    private final Dispatcher dispatcher;

    /** Without a caller check: for nodes without a token key. */
    public TransferRelayServer(Connection nats, LinkOwnership ownership, MissionTransfer transfers) {
        this(nats, ownership, transfers, RelayGate.open());
    }

    public TransferRelayServer(Connection nats, LinkOwnership ownership, MissionTransfer transfers, RelayGate gate) {
        this.nats = nats;
        this.gate = gate;
        this.ownership = ownership;
        this.transfers = transfers;
        this.dispatcher = nats.createDispatcher(this::onRequest);
        dispatcher.subscribe(RelaySubjects.transfers(ownership.nodeId()));
    }

    private void onRequest(Message m) {
        String replyTo = m.getReplyTo();
        if (replyTo == null) {
            return; // a transfer is only run for a caller that waits for its outcome
        }
        TransferRelayCodec.Request r;
        try {
            r = TransferRelayCodec.parseRequest(m.getData());
        } catch (IOException | RuntimeException e) {
            refuse(replyTo, "malformed transfer: " + e.getMessage());
            return;
        }
        var refusal = gate.check(m, r.type() == org.skyfleet.fleet.command.MissionType.FENCE
                ? "skyfleet.v1.FleetService/UploadFence" : "skyfleet.v1.MissionService/UploadMission");
        if (refusal.isPresent()) {
            nats.publish(RelaySubjects.refusal(replyTo, refusal.get().code(), refusal.get().toString()));
            return;
        }
        if (!ownership.ownsLocally(r.vehicleId())) {
            refuse(replyTo, "node " + ownership.nodeId() + " does not own the link of " + r.vehicleId());
            return;
        }
        CompletionStage<TransferOutcome> run = switch (r.operation()) {
            case UPLOAD -> transfers.upload(r.vehicleId(), r.type(), r.items());
            case DOWNLOAD -> transfers.download(r.vehicleId(), r.type());
            case CLEAR -> transfers.clear(r.vehicleId(), r.type());
        };
        run.whenComplete((outcome, error) -> {
            if (error != null) {
                refuse(replyTo, "transfer failed on " + ownership.nodeId() + ": " + error.getMessage());
            } else {
                nats.publish(replyTo, TransferRelayCodec.outcome(outcome));
            }
        });
    }

    private void refuse(String replyTo, String why) {
        nats.publish(RelaySubjects.refusal(replyTo, null, why));
    }

    @Override
    public void close() {
        nats.closeDispatcher(dispatcher);
    }
}
