package org.skyfleet.fleet.command;

import java.util.Objects;

/**
 * The answer to one command.
 *
 * @param result          what became of it
 * @param progressPercent the last progress the vehicle reported, 0..100, or -1 if it reported none
 * @param attempts        how many times the command went out on the wire (0 if it never did)
 * @param detail          a short explanation for a person when the ground side decided the result, else empty
 */
public record CommandOutcome(CommandResult result, int progressPercent, int attempts, String detail) {
    public static final int NO_PROGRESS = -1;

    public CommandOutcome {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(detail, "detail");
        if (progressPercent < NO_PROGRESS || progressPercent > 100) {
            throw new IllegalArgumentException("progressPercent must be -1..100, got " + progressPercent);
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must be >= 0, got " + attempts);
        }
    }

    public static CommandOutcome of(CommandResult result, int attempts) {
        return new CommandOutcome(result, NO_PROGRESS, attempts, "");
    }

    public boolean accepted() {
        return result == CommandResult.ACCEPTED;
    }
}
