package org.skyfleet.fleet.geofence;

/** Why a zone exists; shown to pilots and used to pick a colour on the map. */
public enum ZoneCategory {
    AIRPORT,
    PRISON,
    CROWD_EVENT,
    TEMPORARY_RESTRICTION,
    POLICE_OPERATING_AREA,
    /**
     * A port's waters behind its sea gate, for vessels: crossing its outline is leaving or entering the port,
     * permitted while its schedule is active (no schedule: always); inside it a silent AIS is normal.
     */
    SEA_GATE,
    /** Waters where vessels must not loiter (a channel, a protected or military area). */
    VESSEL_EXCLUSION
}
