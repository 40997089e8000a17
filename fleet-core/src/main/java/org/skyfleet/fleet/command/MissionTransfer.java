package org.skyfleet.fleet.command;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Moves mission, geofence and rally items onto and off a vehicle. One transfer per vehicle at a time: a second
 * one while the first runs completes at once as {@link TransferStatus#BUSY}.
 *
 * <p>Stages complete with a {@link TransferOutcome} whatever the vehicle did; they may complete on an I/O
 * thread, so callers must not block in their continuations.
 */
public interface MissionTransfer {

    /**
     * Replaces the vehicle's plan of this type with these items.
     *
     * @param items in sequence order: item {@code i} goes up with seq {@code i}; an empty list clears the plan
     */
    CompletionStage<TransferOutcome> upload(String vehicleId, MissionType type, List<MissionItem> items);

    /** Reads the vehicle's plan of this type back; the items are in {@link TransferOutcome#items()}. */
    CompletionStage<TransferOutcome> download(String vehicleId, MissionType type);

    /** Deletes the vehicle's plan of this type. */
    CompletionStage<TransferOutcome> clear(String vehicleId, MissionType type);
}
