package org.skyfleet.fleet.dispatch;

/**
 * Kinds of ground unit and how fast they get somewhere without a road network: speed over the ground
 * and how much longer the way is than the straight line. People (officers, crews) are offered a job
 * before any robot; a robot is offered only within its {@link #dispatchRangeM()}.
 */
public enum UnitType {
    /** A brisk walk, 5.8 km/h; paths wind, so 1.3 x the straight line. */
    OFFICER_ON_FOOT(1.6, 1.3),
    /** Urban and rural roads averaged, 43 km/h; roads wind, 1.4 x the straight line. */
    PATROL_CAR(12.0, 1.4),
    /** 15 knots on open water. */
    BOAT(7.7, 1.15),
    /**
     * A kiosk patrol robot (ArduPilot Rover) among pedestrians, 1.5 m/s on footpaths; put on the roster by the
     * server from its telemetry, never reported by an app. Offered within 1 km only: further, its battery and its
     * pace make an officer the better answer even when none is free now.
     */
    GROUND_ROBOT(1.5, 1.3, 1_000);

    private final double speedMps;
    private final double detourFactor;
    private final double dispatchRangeM;

    UnitType(double speedMps, double detourFactor) {
        this(speedMps, detourFactor, Double.POSITIVE_INFINITY);
    }

    UnitType(double speedMps, double detourFactor, double dispatchRangeM) {
        this.speedMps = speedMps;
        this.detourFactor = detourFactor;
        this.dispatchRangeM = dispatchRangeM;
    }

    /** Whether this is a robot: offered a job only when no person's unit is free and untried for it. */
    public boolean robot() {
        return this == GROUND_ROBOT;
    }

    /** The longest way (the estimate's distance, metres) a unit of this type is offered a job over; people: no limit. */
    public double dispatchRangeM() {
        return dispatchRangeM;
    }

    public double speedMps() {
        return speedMps;
    }

    public double detourFactor() {
        return detourFactor;
    }
}
