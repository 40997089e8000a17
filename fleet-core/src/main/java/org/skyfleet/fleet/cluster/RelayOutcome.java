package org.skyfleet.fleet.cluster;

import java.util.Objects;
import org.skyfleet.fleet.command.CommandOutcome;

/**
 * What became of a relayed command.
 *
 * @param status  how the relay fared
 * @param outcome the vehicle's answer when {@code status} is OK, else null
 * @param detail  why, for a person, when it is not OK; else empty
 */
public record RelayOutcome(RelayStatus status, CommandOutcome outcome, String detail) {
    public RelayOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        if ((status == RelayStatus.OK) != (outcome != null)) {
            throw new IllegalArgumentException("an outcome comes with OK and only with OK");
        }
    }

    public static RelayOutcome ok(CommandOutcome outcome) {
        return new RelayOutcome(RelayStatus.OK, Objects.requireNonNull(outcome, "outcome"), "");
    }

    public static RelayOutcome failed(RelayStatus status, String detail) {
        return new RelayOutcome(status, null, detail);
    }
}
