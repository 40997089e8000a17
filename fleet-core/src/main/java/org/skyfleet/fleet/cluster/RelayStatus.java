package org.skyfleet.fleet.cluster;

/** How a command sent to the owning node fared on the way, apart from what the vehicle answered. */
public enum RelayStatus {
    /** The owner ran the command; the outcome is the vehicle's (or its link's) answer. */
    OK,
    /** No node serves the owner's commands (it stopped, or the broker is unreachable): nothing was run. */
    UNAVAILABLE,
    /** No answer in time: the owner may still run the command; repeat it with the same command id. */
    DEADLINE_EXCEEDED,
    /** The owner refused it: it does not own the vehicle, or the command id was used for another command. */
    REJECTED
}
