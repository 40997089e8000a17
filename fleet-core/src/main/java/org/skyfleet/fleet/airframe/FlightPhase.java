package org.skyfleet.fleet.airframe;

import org.skyfleet.fleet.vehicle.MotionSample;

/** What an airborne vehicle is doing, as far as its battery is concerned. */
public enum FlightPhase {
    /** Still or slow: under {@link #CRUISE_MPS} over the ground, not climbing. */
    HOVER,
    /** Moving at {@link #CRUISE_MPS} or more over the ground, not climbing. */
    CRUISE,
    /** Climbing faster than {@link #CLIMB_MPS}. */
    CLIMB;

    static final double CRUISE_MPS = 3;
    static final double CLIMB_MPS = 1;

    /** The phase VFR_HUD's speeds put it in; hover when nothing is known. */
    public static FlightPhase of(MotionSample m) {
        if (m == null) {
            return HOVER;
        }
        if (m.climbRateMps() > CLIMB_MPS) {
            return CLIMB;
        }
        return m.groundspeedMps() >= CRUISE_MPS ? CRUISE : HOVER;
    }
}
