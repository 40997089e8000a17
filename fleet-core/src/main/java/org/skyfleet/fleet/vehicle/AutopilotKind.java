package org.skyfleet.fleet.vehicle;

/** The flight stack a vehicle runs; decides how its modes and streams are handled. */
public enum AutopilotKind {
    PX4,
    ARDUPILOT,
    OTHER
}
