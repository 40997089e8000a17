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
 * and publishing the result as {@code output} says ({@link #rtmp}: FLV pushed over RTMP; or RTP to a local
 * port, for the simulator's RTSP server).
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
    public static H264Encoder start(String ffmpeg, int widthPx, int heightPx, int framesPerS, List<String> output) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-loglevel", "error",
                "-f", "rawvideo", "-pix_fmt", "bgr24", "-video_size", widthPx + "x" + heightPx, "-framerate", String.valueOf(framesPerS),
                "-i", "pipe:0", "-an", "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency",
                "-profile:v", "baseline", "-pix_fmt", "yuv420p", "-g", String.valueOf(framesPerS),
                "-keyint_min", String.valueOf(framesPerS), "-flush_packets", "1"));
        cmd.addAll(output);
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

    /** The output arguments that push FLV over RTMP to {@code url}, as a DJI dock publishes. */
    public static List<String> rtmp(String url) {
        return List.of("-f", "flv", url);
    }

    /**
     * The output arguments that send RTP to {@code 127.0.0.1:port} and write the session description to
     * {@code sdpFile}; the parameter sets repeat in-band before each keyframe so a late viewer can start.
     */
    public static List<String> rtp(int port, java.nio.file.Path sdpFile) {
        return List.of("-bsf:v", "dump_extra", "-f", "rtp", "-sdp_file", sdpFile.toString(),
                "rtp://127.0.0.1:" + port + "?pkt_size=1200");
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
