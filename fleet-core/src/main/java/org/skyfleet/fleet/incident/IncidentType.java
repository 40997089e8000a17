package org.skyfleet.fleet.incident;

/** What kind of call an incident is. */
public enum IncidentType {
    MISSING_PERSON,
    SUSPECT,
    TRAFFIC,
    DISASTER,
    OTHER,
    FIRE,
    /** A fight, a crowd, a disturbance of the peace. */
    DISTURBANCE
}
