package org.skyfleet.fleet.store;

import java.time.Instant;
import java.util.Objects;
import org.skyfleet.fleet.command.CommandOutcome;

/**
 * A command a caller was answered: its id, what it was (vehicle, verb, parameters) and how it ended.
 *
 * @param commandId   the caller's id for it
 * @param fingerprint what the command was; a repeat of the id must match it
 * @param outcome     the vehicle's answer as the caller got it
 * @param answeredAt  when the caller was answered
 */
public record CommandRecord(String commandId, String fingerprint, CommandOutcome outcome, Instant answeredAt) {
    public CommandRecord {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(answeredAt, "answeredAt");
    }
}
