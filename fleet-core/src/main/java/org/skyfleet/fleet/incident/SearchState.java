package org.skyfleet.fleet.incident;

/** Where an incident's search stands. */
public enum SearchState {
    /** No search for this incident. */
    NONE,
    /** Planned; waiting for a pilot's or commander's approval. */
    AWAITING_APPROVAL,
    /** Still waiting after the approval timeout: the commander has been alerted. */
    ESCALATED,
    /** Drones are flying it. */
    ACTIVE,
    REJECTED,
    /** Planned, but no drone is free, close enough and charged; re-planned when one frees up. */
    NO_DRONES,
    /** A confirmed track ended the search. */
    FOUND,
    /** The incident closed. */
    ENDED;

    /** Drones may still be sent for it. */
    public boolean wantsDrones() {
        return this == ACTIVE || this == NO_DRONES;
    }
}
