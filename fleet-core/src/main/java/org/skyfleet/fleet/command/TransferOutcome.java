package org.skyfleet.fleet.command;

import java.util.List;
import java.util.Objects;

/**
 * The end of one upload, download or clear.
 *
 * @param status          how it ended
 * @param vehicleResult   the vehicle's final MAV_MISSION_RESULT: ACCEPTED on success, the refusal when
 *                        {@link TransferStatus#REJECTED}, null when the vehicle gave no verdict
 * @param attempts        how many times the opening message (MISSION_COUNT, MISSION_REQUEST_LIST or
 *                        MISSION_CLEAR_ALL) was sent
 * @param retransmissions how many messages of any kind were sent again after a timeout
 * @param toleratedNacks  negative acks received mid-transfer and not taken as the vehicle's verdict
 * @param items           what a download read back, in sequence order; empty for uploads and clears
 * @param detail          a short explanation for a person when the transfer did not complete, else empty
 */
public record TransferOutcome(TransferStatus status, MissionResult vehicleResult, int attempts, int retransmissions,
                              int toleratedNacks, List<MissionItem> items, String detail) {

    public TransferOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        items = List.copyOf(items);
        if (status == TransferStatus.REJECTED && vehicleResult == null) {
            throw new IllegalArgumentException("a rejection names the vehicle's result");
        }
    }

    public static TransferOutcome notSent(TransferStatus status, String detail) {
        return new TransferOutcome(status, null, 0, 0, 0, List.of(), detail);
    }

    public boolean completed() {
        return status == TransferStatus.COMPLETED;
    }
}
