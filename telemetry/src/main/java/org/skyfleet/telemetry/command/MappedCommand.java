package org.skyfleet.telemetry.command;

import java.util.Objects;

/**
 * A verb mapped for one vehicle: the command to send, or (command null) a refusal saying why nothing can be sent.
 *
 * @param command what goes on the wire, or null
 * @param refusal why nothing goes on the wire, empty when {@code command} is set
 */
public record MappedCommand(MavCommand command, String refusal) {

    public MappedCommand {
        Objects.requireNonNull(refusal, "refusal");
        if ((command == null) == refusal.isEmpty()) {
            throw new IllegalArgumentException("either a command or a refusal");
        }
    }

    public static MappedCommand of(MavCommand command) {
        return new MappedCommand(command, "");
    }

    public static MappedCommand refused(String why) {
        return new MappedCommand(null, why);
    }
}
