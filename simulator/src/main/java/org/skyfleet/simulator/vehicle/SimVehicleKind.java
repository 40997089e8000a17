package org.skyfleet.simulator.vehicle;

/** The kinds of vehicle the simulator flies or drives, with their MAV_TYPE on the wire. */
public enum SimVehicleKind {
    /** A quadrotor (MAV_TYPE_QUADROTOR = 2). */
    MULTICOPTER(2),
    /** A ground patrol robot (MAV_TYPE_GROUND_ROVER = 10). */
    GROUND_ROVER(10);

    private final int mavType;

    SimVehicleKind(int mavType) {
        this.mavType = mavType;
    }

    public int mavType() {
        return mavType;
    }
}
