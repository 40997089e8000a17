package org.skyfleet.fleet.camera;

/** What a {@link CameraCommand} asks a vehicle's camera or gimbal to do. */
public enum CameraAction {
    /** Point the gimbal: {@code pitchDeg} (-90 straight down .. +30) and {@code yawDeg} relative to the vehicle's nose. */
    POINT_GIMBAL,
    /** Zoom to {@code zoomPercent} of the lens's range: 0 widest, 100 narrowest. */
    ZOOM,
    /** Take one photo, stored on the vehicle. */
    TAKE_PHOTO,
    /** Start recording video on the vehicle's own storage. */
    START_RECORDING,
    /** Stop recording video on the vehicle. */
    STOP_RECORDING
}
