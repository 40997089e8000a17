package org.skyfleet.simulator.vehicle;

/**
 * Where the autopilot wants the vehicle: a point in the local frame (metres east and north of the world
 * origin, metres above home) and a speed limit, or a landing at that point. A pass-through setpoint is
 * a point to head for at full speed without braking for it (a pursuit point on a patrol loop).
 */
public record Setpoint(double eastM, double northM, double upM, double speedMps, boolean land, boolean passThrough) {

    public static Setpoint goTo(double eastM, double northM, double upM, double speedMps) {
        return new Setpoint(eastM, northM, upM, speedMps, false, false);
    }

    public static Setpoint passThrough(double eastM, double northM, double upM, double speedMps) {
        return new Setpoint(eastM, northM, upM, speedMps, false, true);
    }

    public static Setpoint landAt(double eastM, double northM, double speedMps) {
        return new Setpoint(eastM, northM, 0, speedMps, true, false);
    }

    public double horizontalDistanceM(double e, double n) {
        return Math.hypot(eastM - e, northM - n);
    }
}
