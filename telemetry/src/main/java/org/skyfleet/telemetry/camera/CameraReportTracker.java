package org.skyfleet.telemetry.camera;

import io.dronefleet.mavlink.common.CameraCaptureStatus;
import io.dronefleet.mavlink.common.CameraImageCaptured;
import io.dronefleet.mavlink.common.CameraSettings;
import io.dronefleet.mavlink.common.GimbalDeviceAttitudeStatus;
import io.dronefleet.mavlink.common.GimbalManagerInformation;
import io.dronefleet.mavlink.common.MountOrientation;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.skyfleet.fleet.camera.CameraReports;
import org.skyfleet.fleet.camera.CameraStatus;
import org.skyfleet.telemetry.link.FrameObserver;
import org.skyfleet.telemetry.mavlink.MavlinkFrame;

/**
 * Each vehicle's camera as its reports describe it: GIMBAL_MANAGER_INFORMATION (it has a gimbal manager),
 * GIMBAL_DEVICE_ATTITUDE_STATUS (quaternion to pitch/yaw) or MOUNT_ORIENTATION (degrees) for the gimbal,
 * CAMERA_SETTINGS for the zoom, CAMERA_CAPTURE_STATUS for recording and photo count, CAMERA_IMAGE_CAPTURED for
 * each photo (degrees x 10^7 to degrees, microseconds since the epoch to an instant). Written on the link's
 * thread, read from any.
 */
public final class CameraReportTracker implements FrameObserver, CameraReports {
    public static final String GIMBAL_MANAGER = "gimbal-manager";
    public static final String MOUNT = "mount";
    private static final int CAPTURE_RESULT_OK = 1;
    private static final int VIDEO_STATUS_RECORDING = 1;

    private final InstantSource clock;
    private final Map<String, CameraStatus> byVehicle = new ConcurrentHashMap<>();

    public CameraReportTracker(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public Optional<CameraStatus> latest(String vehicleId) {
        return Optional.ofNullable(byVehicle.get(vehicleId));
    }

    /** Records how the vehicle's gimbal is driven, once learnt (see {@link MavlinkCameraCommands}). */
    void gimbalProtocol(String vehicleId, String protocol) {
        update(vehicleId, s -> s.withGimbalProtocol(protocol, clock.instant()));
    }

    @Override
    public void onFrame(String vehicleId, MavlinkFrame frame) {
        Object p = frame.payload();
        Instant now = clock.instant();
        if (p instanceof GimbalManagerInformation) {
            update(vehicleId, s -> s.withGimbalProtocol(GIMBAL_MANAGER, now));
        } else if (p instanceof GimbalDeviceAttitudeStatus g && g.q() != null && g.q().size() == 4) {
            List<Float> q = g.q();
            double[] py = CameraWire.pitchYawDeg(q.get(0), q.get(1), q.get(2), q.get(3));
            update(vehicleId, s -> s.withGimbal(py[0], py[1], now));
        } else if (p instanceof MountOrientation m) {
            update(vehicleId, s -> s.withGimbal(m.pitch(), m.yaw(), now));
        } else if (p instanceof CameraSettings c) {
            update(vehicleId, s -> s.withZoom(c.zoomlevel(), now));
        } else if (p instanceof CameraCaptureStatus c) {
            update(vehicleId, s -> s.withCapture(c.videoStatus() == VIDEO_STATUS_RECORDING, c.recordingTimeMs(), c.imageCount(), now));
        } else if (p instanceof CameraImageCaptured c) {
            Instant taken = c.timeUtc() == null || c.timeUtc().signum() == 0 ? null
                    : Instant.EPOCH.plusNanos(c.timeUtc().longValue() * 1_000L);
            update(vehicleId, s -> s.withImage(c.imageIndex(), c.captureResult() == CAPTURE_RESULT_OK,
                    c.fileUrl() == null ? "" : c.fileUrl().strip(), c.lat() / 1e7, c.lon() / 1e7, taken, now));
        }
    }

    private void update(String vehicleId, UnaryOperator<CameraStatus> change) {
        byVehicle.compute(vehicleId, (id, s) -> change.apply(s == null ? CameraStatus.unknown(id, clock.instant()) : s));
    }
}
