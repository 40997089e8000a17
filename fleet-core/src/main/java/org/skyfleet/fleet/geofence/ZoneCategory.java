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
    VESSEL_EXCLUSION,
    /**
     * A city's big gate (城市大门): a toll station, port, railway station or airport. Counted, never enforced: its
     * {@link GateKind} says which, and no vehicle is held to its outline.
     */
    CITY_GATE,
    /** A small gate (小门) of a community, village, school, market and the like: counted like a city gate. */
    SMALL_GATE;

    /** True for the categories whose zones count who crosses them instead of holding vehicles in or out. */
    public boolean isGate() {
        return this == CITY_GATE || this == SMALL_GATE;
    }
}
