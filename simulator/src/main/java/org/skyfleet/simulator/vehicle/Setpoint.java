package org.skyfleet.simulator.vehicle;

/**
 * Where the autopilot wants the vehicle: a point in the local frame (metres east and north of the world
 * origin, metres above home) and a speed limit, or a landing at the current horizontal position.
 */
public record Setpoint(double eastM, double northM, double upM, double speedMps, boolean land) {

    public static Setpoint goTo(double eastM, double northM, double upM, double speedMps) {
        return new Setpoint(eastM, northM, upM, speedMps, false);
    }

    public static Setpoint landAt(double eastM, double northM, double speedMps) {
        return new Setpoint(eastM, northM, 0, speedMps, true);
    }

    public double horizontalDistanceM(double e, double n) {
        return Math.hypot(eastM - e, northM - n);
    }
}
