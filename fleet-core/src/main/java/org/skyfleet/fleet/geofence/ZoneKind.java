package org.skyfleet.fleet.geofence;

/** Whether a zone is where vehicles must stay or where they must not go. */
public enum ZoneKind {
    /** An operating area: a vehicle it applies to must stay inside (within its altitude band). */
    INCLUSION,
    /** A no-fly area: a vehicle it applies to must not be inside it within its altitude band. */
    EXCLUSION
}
