package org.skyfleet.fleet.geofence;

/** What changed between a vehicle and a zone. */
public enum GeofenceEventType {
    /** The vehicle will breach the zone within the prediction horizon if it keeps its velocity. */
    PREDICTED_BREACH,
    /** The vehicle breaches the zone now. */
    BREACH,
    /** A breach or predicted breach reported earlier is over. */
    CLEARED
}
