package org.skyfleet.fleet.gate;

/** What crossed a gate. */
public enum SubjectKind {
    /** An officer on foot, a patrol car or a police boat reporting its own position. */
    GROUND_UNIT,
    /** A ground or surface vehicle under SkyFleet's control (a patrol robot, an unmanned boat). */
    ROBOT,
    /** An aircraft under SkyFleet's control. */
    DRONE,
    /** A fusion track: someone or something seen by drones, robots and officers. */
    TRACK,
    /** A vessel heard by AIS. */
    VESSEL
}
