package org.skyfleet.fleet.geofence;

/** What a zone's floor and ceiling are measured from. */
public enum AltitudeReference {
    /** Metres above the vehicle's home (take-off) point, as {@code altRelM}. */
    ABOVE_GROUND_RELATIVE_TO_HOME,
    /** Metres above mean sea level, as {@code altAmslM}. */
    AMSL
}
