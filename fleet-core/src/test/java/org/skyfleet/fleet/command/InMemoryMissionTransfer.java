package org.skyfleet.fleet.command;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * An in-memory {@link MissionTransfer} for tests: each connected vehicle stores one plan per type, uploads
 * replace it (unless a refusal was scripted), downloads read it back, clears empty it. Thread-safe.
 */
public final class InMemoryMissionTransfer implements MissionTransfer {
    private record Key(String vehicleId, MissionType type) {
    }

    private final Set<String> connected = new HashSet<>();
    private final Map<Key, List<MissionItem>> stored = new HashMap<>();
    private MissionResult nextUploadRefusal;

    public synchronized InMemoryMissionTransfer connect(String vehicleId) {
        connected.add(vehicleId);
        return this;
    }

    /** The next upload is refused with this result and stores nothing. */
    public synchronized InMemoryMissionTransfer refuseNextUpload(MissionResult result) {
        nextUploadRefusal = result;
        return this;
    }

    /** What the vehicle holds, as a test would inspect it. */
    public synchronized List<MissionItem> stored(String vehicleId, MissionType type) {
        return stored.getOrDefault(new Key(vehicleId, type), List.of());
    }

    @Override
    public synchronized CompletionStage<TransferOutcome> upload(String vehicleId, MissionType type,
                                                                List<MissionItem> items) {
        if (!connected.contains(vehicleId)) {
            return done(TransferOutcome.notSent(TransferStatus.NOT_CONNECTED, "vehicle " + vehicleId + " is not connected"));
        }
        if (nextUploadRefusal != null) {
            MissionResult refusal = nextUploadRefusal;
            nextUploadRefusal = null;
            return done(new TransferOutcome(TransferStatus.REJECTED, refusal, 1, 0, 0, List.of(),
                    "vehicle answered " + refusal.mavlinkName()));
        }
        stored.put(new Key(vehicleId, type), List.copyOf(items));
        return done(accepted(List.of()));
    }

    @Override
    public synchronized CompletionStage<TransferOutcome> download(String vehicleId, MissionType type) {
        if (!connected.contains(vehicleId)) {
            return done(TransferOutcome.notSent(TransferStatus.NOT_CONNECTED, "vehicle " + vehicleId + " is not connected"));
        }
        return done(accepted(stored(vehicleId, type)));
    }

    @Override
    public synchronized CompletionStage<TransferOutcome> clear(String vehicleId, MissionType type) {
        if (!connected.contains(vehicleId)) {
            return done(TransferOutcome.notSent(TransferStatus.NOT_CONNECTED, "vehicle " + vehicleId + " is not connected"));
        }
        stored.remove(new Key(vehicleId, type));
        return done(accepted(List.of()));
    }

    private static TransferOutcome accepted(List<MissionItem> items) {
        return new TransferOutcome(TransferStatus.COMPLETED, MissionResult.ACCEPTED, 1, 0, 0, items, "");
    }

    private static CompletionStage<TransferOutcome> done(TransferOutcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }
}
