package org.skyfleet.telemetry.command;

import java.time.Duration;

/**
 * How hard the ground side tries to get a command through.
 *
 * @param retryInterval     wait this long for a COMMAND_ACK before sending the command again
 * @param maxAttempts       send at most this many times; no ack after the last wait is TIMED_OUT
 * @param inProgressTimeout after an IN_PROGRESS ack, wait this long for the next ack (each one restarts it)
 */
public record CommandConfig(Duration retryInterval, int maxAttempts, Duration inProgressTimeout) {

    public CommandConfig {
        if (retryInterval.isNegative() || retryInterval.isZero() || inProgressTimeout.isNegative()
                || inProgressTimeout.isZero()) {
            throw new IllegalArgumentException("intervals must be positive");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
        }
    }

    /** 500 ms between attempts, 5 attempts (2.5 s without an answer), 3 s between progress reports. */
    public static CommandConfig defaults() {
        return new CommandConfig(Duration.ofMillis(500), 5, Duration.ofSeconds(3));
    }
}
