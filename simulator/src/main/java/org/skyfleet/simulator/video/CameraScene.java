package org.skyfleet.simulator.video;

import java.util.List;

/**
 * What one camera sees at one instant, copied off the simulation thread so the renderer never reads a
 * vehicle mid-step. Positions in the simulation's local frame, metres east and north of its origin.
 *
 * @param hfovDeg        the lens's horizontal field of view after zoom
 * @param headingDeg     0..360 clockwise from north: the vehicle's nose
 * @param people         east/north pairs of the people on the ground
 * @param groundUnits    east/north pairs of the police ground units and robots
 * @param gimbalPitchDeg the gimbal's pitch, -90 straight down (nadir) .. 0 at the horizon
 * @param gimbalYawDeg   the gimbal's yaw relative to the nose, positive to the right
 */
public record CameraScene(String vehicleId, long epochMs, double eastM, double northM, double altRelM, double headingDeg,
                          double hfovDeg, boolean thermal, List<double[]> people, List<double[]> groundUnits,
                          double gimbalPitchDeg, double gimbalYawDeg) {
    /** Lowest pitch the picture is drawn for: nearer the horizon the ground would run to infinity. */
    static final double MIN_RENDERED_DEPRESSION_DEG = 10;
    private static final double MIN_ALT_M = 3;

    /** A camera looking straight down, its top towards the nose. */
    public CameraScene(String vehicleId, long epochMs, double eastM, double northM, double altRelM, double headingDeg,
                       double hfovDeg, boolean thermal, List<double[]> people, List<double[]> groundUnits) {
        this(vehicleId, epochMs, eastM, northM, altRelM, headingDeg, hfovDeg, thermal, people, groundUnits, -90, 0);
    }

    /** Where the camera looks on the ground: the bearing (heading + gimbal yaw), degrees clockwise from north. */
    public double lookBearingDeg() {
        return Math.floorMod(Math.round((headingDeg + gimbalYawDeg) * 1e6), 360_000_000L) / 1e6;
    }

    /** The gimbal's depression below the horizon as drawn: 90 for nadir, never under {@value #MIN_RENDERED_DEPRESSION_DEG}. */
    private double depressionDeg() {
        return Math.max(MIN_RENDERED_DEPRESSION_DEG, Math.min(90, -gimbalPitchDeg));
    }

    /**
     * The centre of the picture on flat ground, east and north metres: {@code h / tan(depression)} ahead of the
     * vehicle along {@link #lookBearingDeg()} (under it when the camera looks straight down).
     */
    public double[] footprintCentre() {
        double h = Math.max(MIN_ALT_M, altRelM);
        double aheadM = depressionDeg() >= 90 ? 0 : h / Math.tan(Math.toRadians(depressionDeg()));
        double b = Math.toRadians(lookBearingDeg());
        return new double[] {eastM + aheadM * Math.sin(b), northM + aheadM * Math.cos(b)};
    }

    /** The distance from the camera to the picture's centre, metres: {@code h / sin(depression)}. */
    public double slantRangeM() {
        return Math.max(MIN_ALT_M, altRelM) / Math.sin(Math.toRadians(depressionDeg()));
    }

    /** The width of ground the picture spans at its centre, metres: {@code 2 r tan(hfov/2)} at the slant range r. */
    public double footprintWidthM() {
        return 2 * slantRangeM() * Math.tan(Math.toRadians(hfovDeg / 2));
    }

    /**
     * The same picture drawn as a nadir camera would from above the footprint's centre at the slant range,
     * its top along the look bearing: the renderer's approximation of an oblique view (no perspective
     * foreshortening), which keeps the footprint's position, scale and orientation right.
     */
    public CameraScene asNadirView() {
        double[] c = footprintCentre();
        return new CameraScene(vehicleId, epochMs, c[0], c[1], slantRangeM(), lookBearingDeg(), hfovDeg, thermal, people,
                groundUnits, -90, 0);
    }
}
