package org.skyfleet.simulator.vehicle;

/** The kinematic state the dynamics integrate: position, air and ground velocity, heading. */
final class MotionState {
    double eastM;
    double northM;
    double upM;
    double airVelEastMps;
    double airVelNorthMps;
    double groundVelEastMps;
    double groundVelNorthMps;
    double climbMps;
    /** A rover's signed speed along its heading. */
    double speedMps;
    double headingDeg;
    boolean airborne;
    /** The wind the position controller has learned to lean into (its integrator). */
    double windEstEastMps;
    double windEstNorthMps;

    MotionState(double eastM, double northM) {
        this.eastM = eastM;
        this.northM = northM;
    }

    void stop() {
        airVelEastMps = 0;
        airVelNorthMps = 0;
        groundVelEastMps = 0;
        groundVelNorthMps = 0;
        climbMps = 0;
        speedMps = 0;
    }
}
