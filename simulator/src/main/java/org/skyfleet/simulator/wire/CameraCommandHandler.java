package org.skyfleet.simulator.wire;

import io.dronefleet.mavlink.common.CameraCaptureStatus;
import io.dronefleet.mavlink.common.CameraImageCaptured;
import io.dronefleet.mavlink.common.CameraMode;
import io.dronefleet.mavlink.common.CameraSettings;
import io.dronefleet.mavlink.common.GimbalDeviceAttitudeStatus;
import io.dronefleet.mavlink.common.GimbalDeviceFlags;
import io.dronefleet.mavlink.common.GimbalManagerCapFlags;
import io.dronefleet.mavlink.common.GimbalManagerInformation;
import io.dronefleet.mavlink.common.MavResult;
import io.dronefleet.mavlink.common.MountOrientation;
import io.dronefleet.mavlink.util.EnumValue;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Consumer;
import org.skyfleet.simulator.clock.SimClock;
import org.skyfleet.simulator.vehicle.SimVehicle;
import org.skyfleet.simulator.video.GimbalCamera;

/**
 * The camera and gimbal commands a PX4 autopilot with a gimbal and a camera answers, and the reports that go
 * with them: MAV_CMD_DO_GIMBAL_MANAGER_PITCHYAW (1000; UNSUPPORTED when the vehicle has no gimbal manager),
 * MAV_CMD_DO_MOUNT_CONTROL (205), MAV_CMD_SET_CAMERA_ZOOM (531, range type only), MAV_CMD_IMAGE_START_CAPTURE
 * (2000: one photo, answered with CAMERA_IMAGE_CAPTURED), MAV_CMD_VIDEO_START_CAPTURE / STOP (2500 / 2501:
 * CAMERA_CAPTURE_STATUS at once and every second while recording), and MAV_CMD_REQUEST_MESSAGE for
 * GIMBAL_MANAGER_INFORMATION, CAMERA_SETTINGS and CAMERA_CAPTURE_STATUS. After a gimbal or zoom command the
 * new attitude (GIMBAL_DEVICE_ATTITUDE_STATUS in the vehicle frame, or MOUNT_ORIENTATION for a mount) and
 * CAMERA_SETTINGS are sent. Simulation thread only.
 */
final class CameraCommandHandler {
    static final int GIMBAL_MANAGER_PITCHYAW = 1000;
    static final int DO_MOUNT_CONTROL = 205;
    static final int SET_CAMERA_ZOOM = 531;
    static final int IMAGE_START_CAPTURE = 2000;
    static final int VIDEO_START_CAPTURE = 2500;
    static final int VIDEO_STOP_CAPTURE = 2501;
    static final int CAMERA_SETTINGS = 260;
    static final int CAMERA_CAPTURE_STATUS = 262;
    static final int GIMBAL_MANAGER_INFORMATION = 280;
    private static final int ZOOM_TYPE_RANGE = 2;
    private static final long STATUS_EVERY_MS = 1_000;

    private final GimbalCamera camera;
    private final SimVehicle vehicle;
    private final SimClock clock;
    private final Consumer<Object> send;
    private final VehicleWire wire;
    private long lastStatusMs = Long.MIN_VALUE;
    private long lastAimReportMs = Long.MIN_VALUE;
    /** While the camera holds a region of interest, its attitude is reported this often (PX4 streams it at 5-10 Hz). */
    static final long AIM_REPORT_EVERY_MS = 200;

    CameraCommandHandler(GimbalCamera camera, SimVehicle vehicle, SimClock clock, VehicleWire wire) {
        this.camera = camera;
        this.vehicle = vehicle;
        this.clock = clock;
        this.wire = wire;
        this.send = wire::send;
    }

    /** The answer to a camera command, or null if {@code command} is not one. */
    MavResult handle(int command, float p1, float p2, float p3) {
        switch (command) {
            case GIMBAL_MANAGER_PITCHYAW -> {
                if (!camera.gimbalManager()) {
                    return MavResult.MAV_RESULT_UNSUPPORTED;
                }
                wire.autopilot().clearRoi(); // the pilot takes the gimbal, as PX4's gimbal manager gives it to the last caller
                camera.point(p1, p2);
                sendAttitude();
                return MavResult.MAV_RESULT_ACCEPTED;
            }
            case DO_MOUNT_CONTROL -> {
                wire.autopilot().clearRoi();
                camera.point(p1, p3);
                sendAttitude();
                return MavResult.MAV_RESULT_ACCEPTED;
            }
            case SET_CAMERA_ZOOM -> {
                if (Math.round(p1) != ZOOM_TYPE_RANGE || !(p2 >= 0 && p2 <= 100)) {
                    return MavResult.MAV_RESULT_DENIED;
                }
                camera.zoom(p2);
                send.accept(settings());
                return MavResult.MAV_RESULT_ACCEPTED;
            }
            case IMAGE_START_CAPTURE -> {
                send.accept(captured(camera.takePhoto()));
                return MavResult.MAV_RESULT_ACCEPTED;
            }
            case VIDEO_START_CAPTURE -> {
                camera.startRecording(clock.nowMs());
                send.accept(captureStatus());
                lastStatusMs = clock.nowMs();
                return MavResult.MAV_RESULT_ACCEPTED;
            }
            case VIDEO_STOP_CAPTURE -> {
                camera.stopRecording();
                send.accept(captureStatus());
                return MavResult.MAV_RESULT_ACCEPTED;
            }
            default -> {
                return null;
            }
        }
    }

    /** The message a MAV_CMD_REQUEST_MESSAGE asks for, if it is one of the camera's, else null. */
    Object reply(int messageId) {
        return switch (messageId) {
            case GIMBAL_MANAGER_INFORMATION -> camera.gimbalManager() ? GimbalManagerInformation.builder().timeBootMs(wire.timeBootMs())
                    .capFlags(EnumValue.create(GimbalManagerCapFlags.GIMBAL_MANAGER_CAP_FLAGS_HAS_PITCH_AXIS,
                            GimbalManagerCapFlags.GIMBAL_MANAGER_CAP_FLAGS_HAS_YAW_AXIS))
                    .gimbalDeviceId(0).pitchMin((float) Math.toRadians(GimbalCamera.MIN_PITCH_DEG))
                    .pitchMax((float) Math.toRadians(GimbalCamera.MAX_PITCH_DEG))
                    .yawMin((float) -Math.PI).yawMax((float) Math.PI).build() : null;
            case CAMERA_SETTINGS -> settings();
            case CAMERA_CAPTURE_STATUS -> captureStatus();
            default -> null;
        };
    }

    /** Every second while recording: CAMERA_CAPTURE_STATUS, as MAV_CMD_VIDEO_START_CAPTURE's param2 asked. */
    void step(long nowMs) {
        if (camera.recording() && nowMs - lastStatusMs >= STATUS_EVERY_MS) {
            lastStatusMs = nowMs;
            send.accept(captureStatus());
        }
    }

    /**
     * Keeps the camera on the region of interest, if one is set (MAV_CMD_DO_SET_ROI_LOCATION): the gimbal turns each
     * step as the vehicle moves and turns, and its attitude is reported every {@value #AIM_REPORT_EVERY_MS} ms.
     */
    void holdRegionOfInterest(org.skyfleet.simulator.autopilot.RegionOfInterest roi, long nowMs) {
        if (roi == null) {
            return;
        }
        double[] py = org.skyfleet.simulator.video.GimbalAim.pitchYawDeg(vehicle.eastM(), vehicle.northM(), vehicle.altitudeRelM(),
                vehicle.headingDeg(), roi.eastM(), roi.northM(), roi.altRelM());
        camera.point(py[0], py[1]);
        if (lastAimReportMs == Long.MIN_VALUE || nowMs - lastAimReportMs >= AIM_REPORT_EVERY_MS) {
            lastAimReportMs = nowMs;
            sendAttitude();
        }
    }

    private void sendAttitude() {
        if (!camera.gimbalManager()) {
            send.accept(MountOrientation.builder().timeBootMs(wire.timeBootMs()).roll(0).pitch((float) camera.pitchDeg())
                    .yaw((float) camera.yawDeg()).yawAbsolute((float) ((vehicle.headingDeg() + camera.yawDeg()) % 360)).build());
            return;
        }
        // yaw about z, then pitch about y: q = q_yaw * q_pitch
        double hy = Math.toRadians(camera.yawDeg()) / 2;
        double hp = Math.toRadians(camera.pitchDeg()) / 2;
        float w = (float) (Math.cos(hy) * Math.cos(hp));
        float x = (float) (-Math.sin(hy) * Math.sin(hp));
        float y = (float) (Math.cos(hy) * Math.sin(hp));
        float z = (float) (Math.sin(hy) * Math.cos(hp));
        send.accept(GimbalDeviceAttitudeStatus.builder().timeBootMs(wire.timeBootMs())
                .flags(GimbalDeviceFlags.GIMBAL_DEVICE_FLAGS_YAW_IN_VEHICLE_FRAME).q(List.of(w, x, y, z))
                .angularVelocityX(Float.NaN).angularVelocityY(Float.NaN).angularVelocityZ(Float.NaN)
                .deltaYaw(Float.NaN).deltaYawVelocity(Float.NaN).build());
    }

    private Object settings() {
        return CameraSettings.builder().timeBootMs(wire.timeBootMs()).modeId(CameraMode.CAMERA_MODE_VIDEO)
                .zoomlevel((float) camera.zoomPercent()).focuslevel(Float.NaN).build();
    }

    private Object captureStatus() {
        return CameraCaptureStatus.builder().timeBootMs(wire.timeBootMs()).imageStatus(0).videoStatus(camera.recording() ? 1 : 0)
                .imageInterval(0).recordingTimeMs(camera.recordingMs(clock.nowMs())).availableCapacity(64_000)
                .imageCount(camera.imageCount()).build();
    }

    private Object captured(int index) {
        double[] latLon = vehicle.measuredLatLonDeg();
        return CameraImageCaptured.builder().timeBootMs(wire.timeBootMs()).timeUtc(BigInteger.valueOf(clock.epochMs() * 1000))
                .cameraId(0).lat((int) Math.round(latLon[0] * 1e7)).lon((int) Math.round(latLon[1] * 1e7))
                .alt((int) Math.round(vehicle.altitudeAmslM() * 1000)).relativeAlt((int) Math.round(vehicle.altitudeRelM() * 1000))
                .q(List.of(1f, 0f, 0f, 0f)).imageIndex(index).captureResult(1)
                .fileUrl("file:///DCIM/" + vehicle.name() + "/IMG_" + String.format("%05d", index) + ".jpg").build();
    }
}
