package org.skyfleet.telemetry.mission;

import io.dronefleet.mavlink.common.MissionAck;
import io.dronefleet.mavlink.common.MissionCount;
import io.dronefleet.mavlink.common.MissionItemInt;
import io.dronefleet.mavlink.common.MissionRequest;
import io.dronefleet.mavlink.common.MissionRequestInt;
import io.netty.channel.EventLoop;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.IntFunction;
import org.skyfleet.fleet.command.MissionItem;
import org.skyfleet.fleet.command.MissionTransfer;
import org.skyfleet.fleet.command.MissionType;
import org.skyfleet.fleet.command.TransferOutcome;
import org.skyfleet.fleet.command.TransferStatus;
import org.skyfleet.telemetry.command.VehicleLink;
import org.skyfleet.telemetry.mavlink.MavlinkFrame;

/**
 * {@link MissionTransfer} over a MAVLink link. One transfer per vehicle at a time (autopilots hold one
 * transfer state per link); a second one is answered BUSY without sending anything. Messages reach the running
 * transfer only if they come from the vehicle's autopilot (component 1) and are addressed to this ground
 * station or to nobody. All state lives on the link's event loop; stages complete there.
 */
public final class MavlinkMissionTransfer implements MissionTransfer {
    private final VehicleLink link;
    private final EventLoop loop;
    private final TransferConfig config;
    private final Map<String, TransferSession> running = new HashMap<>();
    private boolean closed;

    public MavlinkMissionTransfer(VehicleLink link, TransferConfig config) {
        this.link = link;
        this.loop = link.eventLoop();
        this.config = config;
        link.addObserver(this::onFrame);
        link.onClose(this::onLinkClosed);
    }

    @Override
    public CompletionStage<TransferOutcome> upload(String vehicleId, MissionType type, List<MissionItem> items) {
        List<MissionItem> copy = List.copyOf(items);
        return begin(vehicleId, sys -> new MissionUpload(link, config, vehicleId, sys, type, copy));
    }

    @Override
    public CompletionStage<TransferOutcome> download(String vehicleId, MissionType type) {
        return begin(vehicleId, sys -> new MissionDownload(link, config, vehicleId, sys, type));
    }

    @Override
    public CompletionStage<TransferOutcome> clear(String vehicleId, MissionType type) {
        return begin(vehicleId, sys -> new MissionClear(link, config, vehicleId, sys, type));
    }

    private CompletionStage<TransferOutcome> begin(String vehicleId, IntFunction<TransferSession> session) {
        CompletableFuture<TransferOutcome> done = new CompletableFuture<>();
        Runnable start = () -> start(vehicleId, session, done);
        if (loop.inEventLoop()) {
            start.run();
        } else {
            try {
                loop.execute(start);
            } catch (RejectedExecutionException e) {
                done.complete(TransferOutcome.notSent(TransferStatus.NOT_CONNECTED, "link shut down"));
            }
        }
        return done;
    }

    private void start(String vehicleId, IntFunction<TransferSession> factory, CompletableFuture<TransferOutcome> done) {
        int systemId = closed ? -1 : link.systemIdOf(vehicleId);
        if (systemId < 0) {
            done.complete(TransferOutcome.notSent(TransferStatus.NOT_CONNECTED,
                    "vehicle " + vehicleId + " is not connected on this link"));
            return;
        }
        String claim = link.pendingClaimOf(vehicleId);
        if (claim != null) {
            done.complete(TransferOutcome.notSent(TransferStatus.NOT_CONNECTED,
                    org.skyfleet.telemetry.command.MavlinkVehicleCommands.claimRefusal(vehicleId, claim)));
            return;
        }
        if (running.containsKey(vehicleId)) {
            done.complete(TransferOutcome.notSent(TransferStatus.BUSY,
                    "another mission transfer with " + vehicleId + " is running"));
            return;
        }
        TransferSession session = factory.apply(systemId);
        running.put(vehicleId, session);
        session.whenFinished(() -> running.remove(vehicleId, session));
        session.done.whenComplete((outcome, error) -> done.complete(outcome));
        session.start();
    }

    /** Every running transfer ends NOT_CONNECTED: the vehicle can no longer answer. */
    private void onLinkClosed() {
        closed = true;
        for (TransferSession session : List.copyOf(running.values())) {
            session.finish(session.outcome(TransferStatus.NOT_CONNECTED, null, List.of(), "link closed"));
        }
    }

    private void onFrame(String vehicleId, MavlinkFrame frame) {
        TransferSession session = running.get(vehicleId);
        if (session == null || frame.componentId() != TransferSession.AUTOPILOT_COMPONENT
                || !addressedToUs(frame.payload())) {
            return;
        }
        session.onPayload(frame.payload());
    }

    private boolean addressedToUs(Object payload) {
        int targetSystem;
        if (payload instanceof MissionRequestInt m) {
            targetSystem = m.targetSystem();
        } else if (payload instanceof MissionRequest m) {
            targetSystem = m.targetSystem();
        } else if (payload instanceof MissionAck m) {
            targetSystem = m.targetSystem();
        } else if (payload instanceof MissionCount m) {
            targetSystem = m.targetSystem();
        } else if (payload instanceof MissionItemInt m) {
            targetSystem = m.targetSystem();
        } else {
            return false;
        }
        return targetSystem == 0 || targetSystem == link.gcsSystemId();
    }
}
