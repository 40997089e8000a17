package org.skyfleet.simulator.wire;

import io.dronefleet.mavlink.common.CameraCapFlags;
import io.dronefleet.mavlink.common.CameraInformation;
import io.dronefleet.mavlink.common.VideoStreamInformation;
import io.dronefleet.mavlink.common.VideoStreamStatusFlags;
import io.dronefleet.mavlink.common.VideoStreamType;
import io.dronefleet.mavlink.util.EnumValue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.skyfleet.simulator.video.CameraAnnouncement;

/** The camera protocol's two answers for a simulated camera, encoded as a PX4 camera fills them. */
final class CameraMessages {
    static final int CAMERA_INFORMATION = 259;
    static final int VIDEO_STREAM_INFORMATION = 269;

    private CameraMessages() {
    }

    static Object build(int messageId, CameraAnnouncement camera, long timeBootMs) {
        if (camera == null) {
            return null;
        }
        if (messageId == VIDEO_STREAM_INFORMATION) {
            EnumValue<VideoStreamStatusFlags> flags = camera.thermal()
                    ? EnumValue.create(VideoStreamStatusFlags.VIDEO_STREAM_STATUS_FLAGS_RUNNING, VideoStreamStatusFlags.VIDEO_STREAM_STATUS_FLAGS_THERMAL)
                    : EnumValue.of(VideoStreamStatusFlags.VIDEO_STREAM_STATUS_FLAGS_RUNNING);
            return VideoStreamInformation.builder().streamId(1).count(1).type(VideoStreamType.VIDEO_STREAM_TYPE_RTSP).flags(flags)
                    .framerate(camera.framesPerS()).resolutionH(camera.widthPx()).resolutionV(camera.heightPx()).bitrate(1_500_000)
                    .rotation(0).hfov(camera.hfovDeg()).name(camera.thermal() ? "IR" : "EO").uri(camera.rtspUrl()).build();
        }
        if (messageId == CAMERA_INFORMATION) {
            return CameraInformation.builder().timeBootMs(timeBootMs).vendorName(fixed("SkyFleet", 32))
                    .modelName(fixed(camera.thermal() ? "SimCam IR" : "SimCam EO", 32)).firmwareVersion(1)
                    .resolutionH(camera.widthPx()).resolutionV(camera.heightPx())
                    .flags(EnumValue.create(CameraCapFlags.CAMERA_CAP_FLAGS_HAS_VIDEO_STREAM, CameraCapFlags.CAMERA_CAP_FLAGS_CAPTURE_VIDEO))
                    .camDefinitionUri("").build();
        }
        return null;
    }

    private static byte[] fixed(String s, int length) {
        return Arrays.copyOf(s.getBytes(StandardCharsets.UTF_8), length);
    }
}
