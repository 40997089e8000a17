package org.skyfleet.simulator.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.skyfleet.simulator.video.rtsp.RtspCameraServer;

/**
 * A simulated camera served over RTSP as a PX4 camera serves it, read by an independent client (ffprobe,
 * RTP over TCP): H.264 at 640x360. And the picture itself: the burned-in time code reads back, people show
 * where they stand, a thermal camera looks different from a visual one.
 */
class CameraStreamTest {
    @Test
    void ffprobeReadsTheCamerasRtspStreamAsH264At640x360() throws Exception {
        requireFfmpeg();
        CameraScene scene = new CameraScene("mav-1", 0, 0, 0, 60, 45, 70, false, List.of(new double[] {5, 5}), List.of());
        try (RtspCameraServer rtsp = new RtspCameraServer("127.0.0.1", 0)) {
            Publication p = rtsp.mount("mav-1");
            try (SimCamera camera = new SimCamera("ffmpeg", CameraFeeds.WIDTH_PX, CameraFeeds.HEIGHT_PX, CameraFeeds.FRAMES_PER_S,
                    () -> scene, p.url(), p.encoderOutput(), "mav-1")) {
                // the encoder writes its session description once it has started: probed until ffprobe reads it
                org.skyfleet.simulator.Eventually.await(java.time.Duration.ofSeconds(30), "ffprobe reads h264,640,360 at " + p.url(),
                        () -> "h264,640,360".equals(probe(p.url())));
                assertThat(camera.framesSent()).isPositive();
            }
        }
    }

    @Test
    void thePictureCarriesItsTimeAndShowsPeopleAndHeat() {
        FrameRenderer renderer = new FrameRenderer(640, 360);
        long t = 1_796_000_000_123L;
        CameraScene visual = new CameraScene("mav-1", t, 100, 200, 50, 0, 70, false, List.of(new double[] {100, 200}), List.of());
        renderer.render(visual);
        assertThat(TimeCode.read(renderer.image())).isEqualTo(t);
        int centre = renderer.image().getRGB(322, 182); // on the person, off the crosshair
        assertThat((centre >> 16) & 0xff).as("a person is drawn red by a visual camera").isGreaterThan(150);
        int groundVisual = renderer.image().getRGB(500, 100);
        renderer.render(new CameraScene("mav-1", t, 100, 200, 50, 0, 50, true, List.of(new double[] {100, 200}), List.of()));
        int personHot = renderer.image().getRGB(322, 182);
        assertThat(List.of((personHot >> 16) & 0xff, (personHot >> 8) & 0xff)).as("a person glows white-hot on the ironbow palette")
                .allMatch(c -> c > 230);
        assertThat(renderer.image().getRGB(500, 100)).isNotEqualTo(groundVisual);
    }

    private static void requireFfmpeg() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "ffmpeg")) && Files.isExecutable(Path.of(dir, "ffprobe"))) {
                return;
            }
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("no ffmpeg/ffprobe on the PATH (apt-get install ffmpeg)");
        }
        Assumptions.abort("no ffmpeg/ffprobe on the PATH (apt-get install ffmpeg)");
    }

    /** ffprobe's "codec_name,width,height" of the stream at {@code url}; empty if it read none. */
    private static String probe(String url) {
        try {
            Process probe = new ProcessBuilder("ffprobe", "-v", "error", "-rtsp_transport", "tcp", "-timeout", "5000000",
                    "-select_streams", "v:0", "-show_entries", "stream=codec_name,width,height", "-of", "csv=p=0", url)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String found = new String(probe.getInputStream().readAllBytes()).strip();
            probe.waitFor();
            return found;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
