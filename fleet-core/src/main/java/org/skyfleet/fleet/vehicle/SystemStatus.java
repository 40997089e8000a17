package org.skyfleet.fleet.vehicle;

/** The autopilot's own view of its state (MAV_STATE). */
public enum SystemStatus {
    UNKNOWN,
    BOOT,
    CALIBRATING,
    STANDBY,
    ACTIVE,
    CRITICAL,
    EMERGENCY,
    POWEROFF,
    FLIGHT_TERMINATION
}
