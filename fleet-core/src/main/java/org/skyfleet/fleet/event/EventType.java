package org.skyfleet.fleet.event;

/** The kinds of vehicle event. */
public enum EventType {
    VEHICLE_DISCOVERED,
    LINK_LOST,
    LINK_RESTORED,
    LOW_BATTERY,
    GPS_FIX_LOST,
    GPS_FIX_RESTORED,
    STATUS_TEXT,
    GEOFENCE_PREDICTED_BREACH,
    GEOFENCE_BREACH,
    GEOFENCE_CLEARED
}
