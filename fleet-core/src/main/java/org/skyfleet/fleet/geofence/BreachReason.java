package org.skyfleet.fleet.geofence;

/** How a position breaks a zone. */
public enum BreachReason {
    /** Inside a no-fly zone, within its altitude band. */
    INSIDE_EXCLUSION("inside no-fly zone"),
    /** Outside every operating area that applies. */
    OUTSIDE_INCLUSION("outside the operating area"),
    /** Over an operating area but above its ceiling. */
    ABOVE_CEILING("above the ceiling of"),
    /** Over an operating area but below its floor. */
    BELOW_FLOOR("below the floor of");

    private final String phrase;

    BreachReason(String phrase) {
        this.phrase = phrase;
    }

    /** Words for a message, e.g. "inside no-fly zone". */
    public String phrase() {
        return phrase;
    }
}
