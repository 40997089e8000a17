package org.skyfleet.telemetry.camera;

import org.skyfleet.fleet.camera.CameraCommand;
import org.skyfleet.telemetry.command.MavCommand;

/**
 * Camera and gimbal commands as they go on the wire (common.xml), all as COMMAND_LONG:
 * <ul>
 *   <li>MAV_CMD_DO_GIMBAL_MANAGER_PITCHYAW (1000), gimbal protocol v2: param1 pitch deg, param2 yaw deg, param3/4
 *       pitch and yaw rates NaN (not rate-controlled), param5 flags 0 (yaw relative to the vehicle: it turns with
 *       it, as a commander expects of "30 degrees right"), param7 gimbal device id 0 (the primary gimbal).</li>
 *   <li>MAV_CMD_DO_MOUNT_CONTROL (205), for a vehicle without a gimbal manager: param1 pitch deg, param2 roll 0,
 *       param3 yaw deg, param7 MAV_MOUNT_MODE_MAVLINK_TARGETING (2).</li>
 *   <li>MAV_CMD_SET_CAMERA_ZOOM (531): param1 ZOOM_TYPE_RANGE (2), param2 percent of the range 0..100.</li>
 *   <li>MAV_CMD_IMAGE_START_CAPTURE (2000): param1 0 (all cameras), param2 interval 0, param3 one image,
 *       param4 0 (no sequence number: the camera numbers its images).</li>
 *   <li>MAV_CMD_VIDEO_START_CAPTURE (2500): param1 stream 0 (all), param2 CAMERA_CAPTURE_STATUS at 1 Hz while
 *       recording; MAV_CMD_VIDEO_STOP_CAPTURE (2501): param1 stream 0.</li>
 *   <li>MAV_CMD_REQUEST_MESSAGE (512) for GIMBAL_MANAGER_INFORMATION (280): whether the vehicle has a gimbal manager.</li>
 * </ul>
 */
public final class CameraWire {
    public static final int MAV_CMD_DO_GIMBAL_MANAGER_PITCHYAW = 1000;
    public static final int MAV_CMD_DO_MOUNT_CONTROL = 205;
    public static final int MAV_CMD_SET_CAMERA_ZOOM = 531;
    public static final int MAV_CMD_IMAGE_START_CAPTURE = 2000;
    public static final int MAV_CMD_VIDEO_START_CAPTURE = 2500;
    public static final int MAV_CMD_VIDEO_STOP_CAPTURE = 2501;
    public static final int MAV_CMD_REQUEST_MESSAGE = 512;
    public static final int GIMBAL_MANAGER_INFORMATION = 280;
    public static final int ZOOM_TYPE_RANGE = 2;
    public static final int MAV_MOUNT_MODE_MAVLINK_TARGETING = 2;
    private static final float NAN = Float.NaN;

    private CameraWire() {
    }

    /** The gimbal command: protocol v2 when the vehicle has a gimbal manager, the mount command otherwise. */
    public static MavCommand pointGimbal(CameraCommand c, boolean gimbalManager) {
        return gimbalManager
                ? MavCommand.longForm(MAV_CMD_DO_GIMBAL_MANAGER_PITCHYAW, (float) c.pitchDeg(), (float) c.yawDeg(), NAN, NAN, 0, 0, 0)
                : MavCommand.longForm(MAV_CMD_DO_MOUNT_CONTROL, (float) c.pitchDeg(), 0, (float) c.yawDeg(), 0, 0, 0,
                        MAV_MOUNT_MODE_MAVLINK_TARGETING);
    }

    public static MavCommand zoom(CameraCommand c) {
        return MavCommand.longForm(MAV_CMD_SET_CAMERA_ZOOM, ZOOM_TYPE_RANGE, (float) c.zoomPercent(), 0, 0, 0, 0, 0);
    }

    public static MavCommand takePhoto() {
        return MavCommand.longForm(MAV_CMD_IMAGE_START_CAPTURE, 0, 0, 1, 0, 0, 0, 0);
    }

    public static MavCommand startRecording() {
        return MavCommand.longForm(MAV_CMD_VIDEO_START_CAPTURE, 0, 1, 0, 0, 0, 0, 0);
    }

    public static MavCommand stopRecording() {
        return MavCommand.longForm(MAV_CMD_VIDEO_STOP_CAPTURE, 0, 0, 0, 0, 0, 0, 0);
    }

    public static MavCommand requestGimbalManagerInformation() {
        return MavCommand.longForm(MAV_CMD_REQUEST_MESSAGE, GIMBAL_MANAGER_INFORMATION, 0, 0, 0, 0, 0, 0);
    }

    /**
     * Pitch and yaw in degrees of a Hamilton quaternion [w, x, y, z] (GIMBAL_DEVICE_ATTITUDE_STATUS.q), Tait-Bryan
     * angles in the order yaw, pitch, roll as MAVLink defines them.
     */
    public static double[] pitchYawDeg(float w, float x, float y, float z) {
        double sinPitch = Math.max(-1, Math.min(1, 2.0 * (w * y - z * x)));
        double pitch = Math.toDegrees(Math.asin(sinPitch));
        double yaw = Math.toDegrees(Math.atan2(2.0 * (w * z + x * y), 1 - 2.0 * (y * y + z * z)));
        return new double[] {pitch, yaw};
    }
}
