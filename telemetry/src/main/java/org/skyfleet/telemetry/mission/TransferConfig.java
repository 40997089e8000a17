package org.skyfleet.telemetry.mission;

import java.time.Duration;

/**
 * Timeouts of the mission protocol's ground side.
 *
 * @param timeout     wait this long for the answer to an opening message (MISSION_COUNT, MISSION_REQUEST_LIST,
 *                    MISSION_CLEAR_ALL) before sending it again: the vehicle may be busy deciding
 * @param itemTimeout once items are moving, wait this long for the vehicle's next message before re-sending the
 *                    last item (upload) or request (download); a few round trips of the link
 * @param maxRetries  re-send the same message at most this many times in a row; the count starts again each time
 *                    the vehicle moves the transfer on
 */
public record TransferConfig(Duration timeout, Duration itemTimeout, int maxRetries) {

    public TransferConfig {
        if (timeout.isNegative() || timeout.isZero() || itemTimeout.isNegative() || itemTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive, got " + timeout + " and " + itemTimeout);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, got " + maxRetries);
        }
    }

    /**
     * 1.5 s for openings (QGroundControl's ack timeout), 500 ms between items (ten round trips of a 50 ms link:
     * a download, where only the ground re-requests, loses 1.5 s per lost datagram otherwise), 5 retries.
     */
    public static TransferConfig defaults() {
        return new TransferConfig(Duration.ofMillis(1500), Duration.ofMillis(500), 5);
    }
}
