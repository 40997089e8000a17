package org.skyfleet.simulator.video;

/**
 * What a drone's camera tells a ground station over MAVLink's camera protocol (CAMERA_INFORMATION,
 * VIDEO_STREAM_INFORMATION) when asked with MAV_CMD_REQUEST_MESSAGE, as a PX4 camera does.
 *
 * @param rtspUrl where the camera serves its stream
 * @param hfovDeg the lens's horizontal field of view
 */
public record CameraAnnouncement(String rtspUrl, boolean thermal, int widthPx, int heightPx, int framesPerS, int hfovDeg) {
}
