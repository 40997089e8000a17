package org.skyfleet.fleet.camera;

import java.util.Objects;

/**
 * One command for a vehicle's camera or gimbal, in degrees and percent. Parameters an action does not take
 * are NaN; the factories check ranges.
 *
 * @param action      what to do
 * @param pitchDeg    gimbal pitch for {@link CameraAction#POINT_GIMBAL}: {@value #MIN_PITCH_DEG} (straight down) ..
 *                    {@value #MAX_PITCH_DEG} (up), 0 level with the horizon
 * @param yawDeg      gimbal yaw for {@link CameraAction#POINT_GIMBAL}, relative to the vehicle's nose, -180..180,
 *                    positive to the right (clockwise seen from above)
 * @param zoomPercent zoom for {@link CameraAction#ZOOM}, 0..100 of the lens's range
 */
public record CameraCommand(CameraAction action, double pitchDeg, double yawDeg, double zoomPercent) {
    public static final double MIN_PITCH_DEG = -90;
    public static final double MAX_PITCH_DEG = 30;
    private static final double NONE = Double.NaN;

    public CameraCommand {
        Objects.requireNonNull(action, "action");
        boolean gimbal = action == CameraAction.POINT_GIMBAL;
        check(gimbal, pitchDeg, MIN_PITCH_DEG, MAX_PITCH_DEG, "pitchDeg");
        check(gimbal, yawDeg, -180, 180, "yawDeg");
        check(action == CameraAction.ZOOM, zoomPercent, 0, 100, "zoomPercent");
    }

    private static void check(boolean taken, double value, double min, double max, String name) {
        if (!taken) {
            if (!Double.isNaN(value)) {
                throw new IllegalArgumentException(name + " is not a parameter of this camera action");
            }
            return;
        }
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", got " + value);
        }
    }

    public static CameraCommand pointGimbal(double pitchDeg, double yawDeg) {
        return new CameraCommand(CameraAction.POINT_GIMBAL, pitchDeg, yawDeg, NONE);
    }

    public static CameraCommand zoom(double zoomPercent) {
        return new CameraCommand(CameraAction.ZOOM, NONE, NONE, zoomPercent);
    }

    public static CameraCommand of(CameraAction action) {
        return new CameraCommand(action, NONE, NONE, NONE);
    }

    /** The parameters as an audit line shows them: "pitch -45.0 deg, yaw 30.0 deg", "zoom 50.0 %", or empty. */
    public String parameters() {
        return switch (action) {
            case POINT_GIMBAL -> "pitch " + pitchDeg + " deg, yaw " + yawDeg + " deg";
            case ZOOM -> "zoom " + zoomPercent + " %";
            default -> "";
        };
    }
}
