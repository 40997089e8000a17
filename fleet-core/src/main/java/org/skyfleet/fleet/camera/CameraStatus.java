package org.skyfleet.fleet.camera;

import java.time.Instant;

/**
 * A vehicle's camera as it last reported it. Values not reported yet are NaN (numbers), -1 (counts) or empty.
 *
 * @param gimbalProtocol    how its gimbal is driven: "gimbal-manager" (MAVLink gimbal protocol v2), "mount" (the
 *                          older MAV_CMD_DO_MOUNT_CONTROL) or "" before anyone asked
 * @param gimbalPitchDeg    reported gimbal pitch, -90 straight down
 * @param gimbalYawDeg      reported gimbal yaw relative to the vehicle's nose, positive to the right
 * @param zoomPercent       reported zoom, 0..100 of the lens's range
 * @param recording         whether the vehicle is recording video (CAMERA_CAPTURE_STATUS)
 * @param recordingTimeMs   how long the current recording has run
 * @param imageCount        photos taken since boot, -1 if not reported
 * @param lastImageIndex    index of the last photo reported captured, -1 if none
 * @param lastImageOk       whether that photo was captured successfully
 * @param lastImageUrl      where the vehicle keeps it (may be empty)
 * @param lastImageLatDeg   where it was taken, WGS84
 * @param lastImageLonDeg   where it was taken, WGS84
 * @param lastImageTime     when it was taken (UTC), or null
 * @param updated           when any of this last changed (server clock)
 */
public record CameraStatus(String vehicleId, String gimbalProtocol, double gimbalPitchDeg, double gimbalYawDeg,
                           double zoomPercent, boolean recording, long recordingTimeMs, int imageCount, int lastImageIndex,
                           boolean lastImageOk, String lastImageUrl, double lastImageLatDeg, double lastImageLonDeg,
                           Instant lastImageTime, Instant updated) {

    /** Nothing reported yet. */
    public static CameraStatus unknown(String vehicleId, Instant now) {
        return new CameraStatus(vehicleId, "", Double.NaN, Double.NaN, Double.NaN, false, 0, -1, -1, false, "",
                Double.NaN, Double.NaN, null, now);
    }

    public CameraStatus withGimbalProtocol(String protocol, Instant now) {
        return new CameraStatus(vehicleId, protocol, gimbalPitchDeg, gimbalYawDeg, zoomPercent, recording, recordingTimeMs,
                imageCount, lastImageIndex, lastImageOk, lastImageUrl, lastImageLatDeg, lastImageLonDeg, lastImageTime, now);
    }

    public CameraStatus withGimbal(double pitchDeg, double yawDeg, Instant now) {
        return new CameraStatus(vehicleId, gimbalProtocol, pitchDeg, yawDeg, zoomPercent, recording, recordingTimeMs,
                imageCount, lastImageIndex, lastImageOk, lastImageUrl, lastImageLatDeg, lastImageLonDeg, lastImageTime, now);
    }

    public CameraStatus withZoom(double percent, Instant now) {
        return new CameraStatus(vehicleId, gimbalProtocol, gimbalPitchDeg, gimbalYawDeg, percent, recording, recordingTimeMs,
                imageCount, lastImageIndex, lastImageOk, lastImageUrl, lastImageLatDeg, lastImageLonDeg, lastImageTime, now);
    }

    public CameraStatus withCapture(boolean isRecording, long recordingMs, int images, Instant now) {
        return new CameraStatus(vehicleId, gimbalProtocol, gimbalPitchDeg, gimbalYawDeg, zoomPercent, isRecording, recordingMs,
                images, lastImageIndex, lastImageOk, lastImageUrl, lastImageLatDeg, lastImageLonDeg, lastImageTime, now);
    }

    public CameraStatus withImage(int index, boolean ok, String url, double latDeg, double lonDeg, Instant takenAt, Instant now) {
        return new CameraStatus(vehicleId, gimbalProtocol, gimbalPitchDeg, gimbalYawDeg, zoomPercent, recording, recordingTimeMs,
                Math.max(imageCount, index + 1), index, ok, url, latDeg, lonDeg, takenAt, now);
    }
}
