package org.skyfleet.simulator.video;

/**
 * The gimbal angles that put a spot in the middle of the picture, as a gimbal manager computes them for a region of
 * interest: pitch is the depression of the line of sight below the horizon ({@code -atan2(height above the spot,
 * ground distance)}), yaw its bearing less the vehicle's heading, in -180..180. Straight above the spot: -90, 0.
 * Local frame, metres; flat ground.
 */
public final class GimbalAim {
    private GimbalAim() {
    }

    /** @return {pitch, yaw} in degrees, yaw relative to the nose and positive to the right */
    public static double[] pitchYawDeg(double eastM, double northM, double altRelM, double headingDeg, double spotEastM,
                                       double spotNorthM, double spotAltRelM) {
        double de = spotEastM - eastM;
        double dn = spotNorthM - northM;
        double groundM = Math.hypot(de, dn);
        double aboveM = altRelM - spotAltRelM;
        if (groundM < 1e-6) {
            return new double[] {aboveM >= 0 ? -90 : 90, 0};
        }
        double pitch = -Math.toDegrees(Math.atan2(aboveM, groundM));
        double bearing = Math.toDegrees(Math.atan2(de, dn));
        double yaw = bearing - headingDeg;
        yaw = ((yaw % 360) + 540) % 360 - 180;
        return new double[] {pitch, yaw};
    }
}
