package org.skyfleet.simulator.video;

/**
 * A drone's camera on its gimbal, as the autopilot commands it: pitch and yaw, optical zoom, photos and
 * recording on the vehicle. Commands move it at once (a real gimbal slews in a fraction of a second).
 * Written by the simulation thread, read by the camera's renderer: every field is volatile.
 */
public final class GimbalCamera {
    /** Narrowest field of view at 100 % zoom is the lens's divided by this (a 10x zoom). */
    public static final double MAX_ZOOM_FACTOR = 10;
    public static final double MIN_PITCH_DEG = -90;
    public static final double MAX_PITCH_DEG = 30;

    private volatile boolean gimbalManager = true;
    private volatile double pitchDeg = -90;
    private volatile double yawDeg;
    private volatile double zoomPercent;
    private volatile boolean recording;
    private volatile long recordingSinceMs;
    private volatile int imageCount;

    /**
     * Whether the autopilot runs a gimbal manager (MAVLink gimbal protocol v2), as PX4 does; without one it takes
     * only the older MAV_CMD_DO_MOUNT_CONTROL. Any thread.
     */
    public void setGimbalManager(boolean present) {
        this.gimbalManager = present;
    }

    public boolean gimbalManager() {
        return gimbalManager;
    }

    /** Points the gimbal, clamped to its travel: pitch -90..30, yaw -180..180 relative to the nose. */
    public void point(double pitch, double yaw) {
        this.pitchDeg = Math.max(MIN_PITCH_DEG, Math.min(MAX_PITCH_DEG, pitch));
        this.yawDeg = Math.max(-180, Math.min(180, yaw));
    }

    public void zoom(double percent) {
        this.zoomPercent = Math.max(0, Math.min(100, percent));
    }

    /** The field of view after zoom: the lens's at 0 %, a tenth of it at 100 % (zoom factor linear in percent). */
    public double hfovDeg(double lensHfovDeg) {
        return lensHfovDeg / (1 + (MAX_ZOOM_FACTOR - 1) * zoomPercent / 100);
    }

    /** Takes a photo; returns its index (0 for the first since boot). */
    public int takePhoto() {
        return imageCount++;
    }

    public void startRecording(long nowMs) {
        if (!recording) {
            recordingSinceMs = nowMs;
            recording = true;
        }
    }

    public void stopRecording() {
        recording = false;
    }

    public double pitchDeg() {
        return pitchDeg;
    }

    public double yawDeg() {
        return yawDeg;
    }

    public double zoomPercent() {
        return zoomPercent;
    }

    public boolean recording() {
        return recording;
    }

    public long recordingMs(long nowMs) {
        return recording ? nowMs - recordingSinceMs : 0;
    }

    public int imageCount() {
        return imageCount;
    }
}
