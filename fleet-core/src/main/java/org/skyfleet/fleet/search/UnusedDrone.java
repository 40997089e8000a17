package org.skyfleet.fleet.search;

/**
 * A drone the allocation does not use, and why.
 *
 * @param droneId the drone
 * @param reason the kind of reason
 * @param detail what exactly, for the operator ("needs 1520 s (...), 900 s available")
 */
public record UnusedDrone(String droneId, Reason reason, String detail) {

    /** Why a drone was left out. */
    public enum Reason {
        /** Cannot reach any remaining segment and come back with the reserve, even without searching it. */
        TOO_FAR,
        /** Could reach a segment but cannot search a whole one and come back with the reserve. */
        BATTERY,
        /** Every segment with probability left is already given to another drone. */
        NO_SEGMENT_LEFT,
        /** The planner found no flyable route (exclusion zones, inclusion zones) for the segments tried. */
        NO_ROUTE
    }
}
