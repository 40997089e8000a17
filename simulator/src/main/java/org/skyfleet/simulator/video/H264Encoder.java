package org.skyfleet.simulator.video;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * FFmpeg started as a process encoding raw BGR frames from its stdin to H.264 (libx264, ultrafast preset,
 * zerolatency tune: no B-frames, no look-ahead, one frame in one frame out) with a keyframe every second,
 * and publishing the result to {@code url}: RTMP (FLV) for rtmp://, otherwise what the URL's scheme takes.
 */
public final class H264Encoder implements AutoCloseable {
    private final Process process;
    private final OutputStream frames;
    private volatile String lastError = "";

    private H264Encoder(Process process) {
        this.process = process;
        this.frames = process.getOutputStream();
    }

    /**
     * @throws IOException if FFmpeg cannot be started
     */
    public static H264Encoder start(String ffmpeg, int widthPx, int heightPx, int framesPerS, String url) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-loglevel", "error",
                "-f", "rawvideo", "-pix_fmt", "bgr24", "-video_size", widthPx + "x" + heightPx, "-framerate", String.valueOf(framesPerS),
                "-i", "pipe:0", "-an", "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency",
                "-profile:v", "baseline", "-pix_fmt", "yuv420p", "-g", String.valueOf(framesPerS),
                "-keyint_min", String.valueOf(framesPerS), "-flush_packets", "1"));
        if (url.startsWith("rtmp")) {
            cmd.addAll(List.of("-f", "flv"));
        }
        cmd.add(url);
        H264Encoder encoder;
        try {
            encoder = new H264Encoder(new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        } catch (IOException e) {
            throw new IOException("cannot start " + ffmpeg + " (is FFmpeg installed? apt-get install ffmpeg): " + e.getMessage(), e);
        }
        Thread err = new Thread(encoder::drainStderr, "skyfleet-sim-encoder-err");
        err.setDaemon(true);
        err.start();
        return encoder;
    }

    /**
     * Writes one frame; blocks while FFmpeg is behind.
     *
     * @throws IOException once FFmpeg has gone (its publish failed, the server went away)
     */
    public void write(byte[] bgr) throws IOException {
        try {
            frames.write(bgr);
            frames.flush();
        } catch (IOException e) {
            throw new IOException("the encoder stopped" + (lastError.isEmpty() ? "" : ": " + lastError), e);
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** FFmpeg's last error line, or empty. */
    public String lastError() {
        return lastError;
    }

    private void drainStderr() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    lastError = line.strip();
                }
            }
        } catch (IOException ignored) {
            // the process is gone
        }
    }

    @Override
    public void close() {
        try {
            frames.close();
        } catch (IOException ignored) {
            // already gone
        }
        process.destroy();
    }
}
