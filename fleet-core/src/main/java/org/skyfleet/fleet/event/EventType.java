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
    GEOFENCE_CLEARED,
    // new kinds go last: the wire (EventType in telemetry.proto, the bus) numbers them by position
    /** An unsigned vehicle was heard from an address not confirmed for it; nothing is sent there until confirmed. */
    LINK_CLAIMED,
    /** An operator confirmed a claimed address: the link is bound to it. */
    LINK_CLAIM_CONFIRMED,
    /** The vehicle spoke again from its confirmed address: the pending claim was dropped. */
    LINK_CLAIM_WITHDRAWN
}
