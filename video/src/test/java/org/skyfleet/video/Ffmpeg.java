package org.skyfleet.video;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * FFmpeg as the tests' independent peer (a dock pushing RTMP, ffprobe reading what the relay sends). Without
 * it a test is skipped with the reason, except on CI ({@code CI=true}), where it fails.
 */
public final class Ffmpeg {
    private Ffmpeg() {
    }

    public static void require() {
        if (find("ffmpeg") == null || find("ffprobe") == null) {
            String why = "no ffmpeg/ffprobe on the PATH (apt-get install ffmpeg)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
        }
    }

    private static Path find(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** A test pattern with a running clock, H.264 at {@code size} and 15 fps, published live to {@code url}. */
    public static Process publish(String size, String codec, String url) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-re",
                "-f", "lavfi", "-i", "testsrc=size=" + size + ":rate=15", "-c:v", codec));
        if (codec.equals("libx264")) {
            cmd.addAll(List.of("-preset", "ultrafast", "-tune", "zerolatency", "-g", "15", "-pix_fmt", "yuv420p"));
        }
        cmd.addAll(List.of("-f", url.startsWith("rtmp") ? "flv" : "rtsp", url));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /**
     * As {@link #publish}, started again until it stays up: an RTMP endpoint takes a moment to listen (again),
     * and a publisher that finds nobody there exits.
     */
    public static Process publishOnceListening(String size, String codec, String url) throws Exception {
        for (int tries = 0; tries < 40; tries++) {
            Process p = publish(size, codec, url);
            if (!p.waitFor(1500, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                return p;
            }
        }
        throw new AssertionError("nothing listening at " + url);
    }

    /** ffprobe's "codec_name,width,height" of the first video stream of a file. */
    public static String probe(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
                "stream=codec_name,width,height", "-of", "csv=p=0", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor();
        return out;
    }
}
