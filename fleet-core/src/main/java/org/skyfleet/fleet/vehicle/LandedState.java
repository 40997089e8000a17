package org.skyfleet.fleet.vehicle;

/** Whether the vehicle is on the ground, in the air, or in between (MAV_LANDED_STATE). */
public enum LandedState {
    UNKNOWN,
    ON_GROUND,
    IN_AIR,
    TAKING_OFF,
    LANDING
}
