package org.skyfleet.fleet.command;

/** The three plans a vehicle stores separately (MAV_MISSION_TYPE). */
public enum MissionType {
    /** Items flown in mission mode. */
    MISSION,
    /** Geofence polygons and circles, inclusion and exclusion. */
    FENCE,
    /** Rally (safe) points used in place of home on return. */
    RALLY
}
