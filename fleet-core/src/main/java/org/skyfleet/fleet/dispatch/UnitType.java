package org.skyfleet.fleet.dispatch;

/**
 * Kinds of ground unit and how fast they get somewhere without a road network: speed over the ground
 * and how much longer the way is than the straight line.
 */
public enum UnitType {
    /** A brisk walk, 5.8 km/h; paths wind, so 1.3 x the straight line. */
    OFFICER_ON_FOOT(1.6, 1.3),
    /** Urban and rural roads averaged, 43 km/h; roads wind, 1.4 x the straight line. */
    PATROL_CAR(12.0, 1.4),
    /** 15 knots on open water. */
    BOAT(7.7, 1.15);

    private final double speedMps;
    private final double detourFactor;

    UnitType(double speedMps, double detourFactor) {
        this.speedMps = speedMps;
        this.detourFactor = detourFactor;
    }

    public double speedMps() {
        return speedMps;
    }

    public double detourFactor() {
        return detourFactor;
    }
}
