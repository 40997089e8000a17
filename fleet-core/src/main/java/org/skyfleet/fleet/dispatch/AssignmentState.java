package org.skyfleet.fleet.dispatch;

/** Where an assignment stands. */
public enum AssignmentState {
    /** Sent to the unit; waiting for its acknowledgement. */
    OFFERED,
    /** The unit is on its way. */
    ACKNOWLEDGED,
    ARRIVED,
    /** Not acknowledged in time: given to the next unit. */
    REASSIGNED,
    /** The incident closed or the track was dropped. */
    CANCELLED;

    public boolean open() {
        return this == OFFERED || this == ACKNOWLEDGED;
    }
}
