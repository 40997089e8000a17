package org.skyfleet.simulator.vehicle;

/**
 * What a vehicle can do.
 *
 * @param kind                multicopter or ground rover
 * @param flavour             the autopilot it behaves like on the wire
 * @param maxSpeedMps         horizontal speed limit through the air (ground speed for a rover)
 * @param cruiseSpeedMps      speed of missions and returns unless DO_CHANGE_SPEED says otherwise
 * @param accelMps2           horizontal acceleration limit
 * @param climbRateMps        vertical speed limit upwards (0 for a rover)
 * @param descentRateMps      vertical speed limit downwards above 10 m
 * @param landSpeedMps        descent speed of the final 10 m of a landing
 * @param turnRateDegPerS     yaw-rate limit of a rover (a multicopter turns on the spot)
 * @param maxAltRelM          highest altitude above home a mission item may ask for
 * @param enduranceS          battery endurance from full, hovering in still air (driving at cruise for a rover)
 * @param returnAltRelM       altitude a return to launch climbs to before coming home
 * @param takeoffAltRelM      altitude of a takeoff command without one
 */
public record VehicleSpec(SimVehicleKind kind, AutopilotFlavour flavour, double maxSpeedMps, double cruiseSpeedMps,
                          double accelMps2, double climbRateMps, double descentRateMps, double landSpeedMps,
                          double turnRateDegPerS, double maxAltRelM, double enduranceS, double returnAltRelM,
                          double takeoffAltRelM) {
    public VehicleSpec {
        if (!(maxSpeedMps > 0 && cruiseSpeedMps > 0 && cruiseSpeedMps <= maxSpeedMps && accelMps2 > 0 && enduranceS > 0)) {
            throw new IllegalArgumentException("speeds, acceleration and endurance must be > 0, cruise <= max: " + kind);
        }
    }

    /** A PX4 quadrotor of the X500 class: 12 m/s, 3 m/s up, 1 m/s down, ~25 min hover. */
    public static VehicleSpec px4Quadrotor() {
        return new VehicleSpec(SimVehicleKind.MULTICOPTER, AutopilotFlavour.PX4, 12, 8, 3, 3, 1.5, 0.7, 0, 500, 1500, 30, 2.5);
    }

    /** A ground patrol robot: 3 m/s, 60 deg/s turn rate, four hours of driving. */
    public static VehicleSpec patrolRover(AutopilotFlavour flavour) {
        return new VehicleSpec(SimVehicleKind.GROUND_ROVER, flavour, 3, 1.5, 1, 0, 0, 0, 60, 0, 4 * 3600, 0, 0);
    }

    public VehicleSpec withFlavour(AutopilotFlavour f) {
        return new VehicleSpec(kind, f, maxSpeedMps, cruiseSpeedMps, accelMps2, climbRateMps, descentRateMps,
                landSpeedMps, turnRateDegPerS, maxAltRelM, enduranceS, returnAltRelM, takeoffAltRelM);
    }

    public VehicleSpec withSpeeds(double maxMps, double cruiseMps) {
        return new VehicleSpec(kind, flavour, maxMps, cruiseMps, accelMps2, climbRateMps, descentRateMps,
                landSpeedMps, turnRateDegPerS, maxAltRelM, enduranceS, returnAltRelM, takeoffAltRelM);
    }

    public VehicleSpec withEnduranceS(double s) {
        return new VehicleSpec(kind, flavour, maxSpeedMps, cruiseSpeedMps, accelMps2, climbRateMps, descentRateMps,
                landSpeedMps, turnRateDegPerS, maxAltRelM, s, returnAltRelM, takeoffAltRelM);
    }

    public boolean flies() {
        return kind == SimVehicleKind.MULTICOPTER;
    }
}
