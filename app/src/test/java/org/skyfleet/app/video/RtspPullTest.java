package org.skyfleet.app.video;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.skyfleet.simulator.video.CameraFeeds;
import org.skyfleet.simulator.video.CameraScene;
import org.skyfleet.simulator.video.Publication;
import org.skyfleet.simulator.video.SimCamera;
import org.skyfleet.simulator.video.rtsp.RtspCameraServer;
import org.skyfleet.video.Eventually;
import org.skyfleet.video.Ffmpeg;
import org.skyfleet.video.VideoConfig;
import org.skyfleet.video.VideoStreams;
import org.skyfleet.video.stream.StreamState;
import org.skyfleet.video.stream.StreamStatus;

/**
 * The server pulls a camera's RTSP as it would a PX4 camera's (the simulated camera serving RTSP, RTP over
 * TCP) and takes it in as H.264 at 640x360; meanwhile garbage thrown at another vehicle's RTMP endpoint fails
 * that stream alone, with FFmpeg's reason on its status.
 */
class RtspPullTest {
    @Test
    void thePulledRtspStreamGoesLiveWhileGarbageFailsOnlyItsOwnStream() throws Exception {
        Ffmpeg.require();
        CameraScene scene = new CameraScene("cam-7", 0, 0, 0, 80, 10, 50, true, List.of(new double[] {3, 3}), List.of());
        try (RtspCameraServer rtsp = new RtspCameraServer("127.0.0.1", 0);
             VideoStreams streams = new VideoStreams(VideoConfig.defaults(), InstantSource.system(), new SimpleMeterRegistry())) {
            Publication p = rtsp.mount("cam-7");
            try (SimCamera camera = new SimCamera("ffmpeg", CameraFeeds.WIDTH_PX, CameraFeeds.HEIGHT_PX, CameraFeeds.FRAMES_PER_S,
                    () -> scene, p.url(), p.encoderOutput(), "cam-7")) {
                streams.register("cam-7", p.url(), "operator");
                URI garbageAt = URI.create(streams.acceptPush("dock-9").sourceUrl());
                // garbage sent again until the endpoint (which takes a moment to listen) has read it and failed
                Eventually.within(Duration.ofSeconds(20), "the RTMP endpoint fed garbage has FAILED", () -> {
                    try (Socket s = new Socket(garbageAt.getHost(), garbageAt.getPort()); OutputStream out = s.getOutputStream()) {
                        byte[] junk = new byte[4096];
                        new Random(9).nextBytes(junk);
                        junk[0] = 3; // RTMP's version byte, then nonsense
                        out.write(junk);
                    } catch (java.io.IOException notListeningYet) {
                        // the next poll tries again
                    }
                    return status(streams, "dock-9").state() == StreamState.FAILED;
                });
                Eventually.within(Duration.ofSeconds(30), "the RTSP stream is live at 640x360",
                        () -> status(streams, "cam-7").state() == StreamState.LIVE && status(streams, "cam-7").widthPx() == 640);
                StreamStatus live = status(streams, "cam-7");
                assertThat(live.codec()).startsWith("avc1.");
                assertThat(live.heightPx()).isEqualTo(360);
                StreamStatus garbage = status(streams, "dock-9");
                assertThat(garbage.state()).isEqualTo(StreamState.FAILED);
                assertThat(garbage.error()).isNotBlank();
                System.out.println("garbage on an RTMP endpoint: " + garbage.error());
            }
        }
    }

    private static StreamStatus status(VideoStreams streams, String id) {
        return streams.stream(id).orElseThrow().status();
    }
}
