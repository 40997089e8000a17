package org.skyfleet.fleet.geofence;

/** Why a zone exists; shown to pilots and used to pick a colour on the map. */
public enum ZoneCategory {
    AIRPORT,
    PRISON,
    CROWD_EVENT,
    TEMPORARY_RESTRICTION,
    POLICE_OPERATING_AREA
}
