package org.skyfleet.telemetry.mission;

import java.time.Duration;

/**
 * Timeouts of the mission protocol's ground side.
 *
 * @param timeout    wait this long for the vehicle's next message before re-sending the last one
 * @param maxRetries re-send the same message at most this many times in a row; the count starts again each time
 *                   the vehicle moves the transfer on
 */
public record TransferConfig(Duration timeout, int maxRetries) {

    public TransferConfig {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, got " + maxRetries);
        }
    }

    /** 1.5 s and 5 retries, as QGroundControl uses on an ordinary link. */
    public static TransferConfig defaults() {
        return new TransferConfig(Duration.ofMillis(1500), 5);
    }
}
