package org.skyfleet.fleet.airframe;

/** The kind of airframe a profile describes; the planner flies multicopters and ground robots. */
public enum AirframeType {
    MULTICOPTER,
    FIXED_WING,
    VTOL,
    GROUND_ROBOT
}
