package org.skyfleet.video.ingest;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.skyfleet.video.mp4.Boxes;
import org.skyfleet.video.mp4.InitSegment;
import org.skyfleet.video.mp4.MediaFragment;

/**
 * One run of FFmpeg taking a source in and writing its first video stream, copied (never transcoded), as
 * fragmented MP4 with one frame per fragment on stdout, which a reader thread splits into the init segment
 * and fragments. A codec other than H.264/H.265 ends the run with the reason. Audio is dropped: the console
 * shows pictures.
 */
public final class FfmpegIngest implements AutoCloseable {
    private static final int STDERR_LINES_KEPT = 5;
    /** FFmpeg's description of the input's video, at level info: "Stream #0:0: Video: h264 (High), ...". */
    private static final Pattern INPUT_VIDEO = Pattern.compile("Stream #0:\\d+.*?: Video: (\\w+)");
    /** A line FFmpeg logged as an error ("-loglevel level+..." prefixes each line with its level). */
    private static final Pattern ERROR_LINE = Pattern.compile("\\[(?:error|fatal|panic)\\] ?(.*)");

    private final Process process;
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private volatile boolean closed;
    private Thread stderrReader;
    private volatile String inputCodec;

    private FfmpegIngest(Process process) {
        this.process = process;
    }

    /**
     * Starts FFmpeg on {@code source}; {@code listener} hears from two daemon threads of this run.
     *
     * @param ffmpeg   the ffmpeg executable
     * @param timeoutS how long a pulled source may keep FFmpeg waiting before it gives up
     * @throws IOException if FFmpeg cannot be started (not installed)
     */
    public static FfmpegIngest start(String ffmpeg, StreamSource source, int timeoutS, IngestListener listener, String name)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-nostats",
                "-loglevel", "level+info"));
        cmd.addAll(source.inputArgs(timeoutS));
        cmd.addAll(List.of("-map", "0:v:0", "-an", "-sn", "-dn", "-c:v", "copy", "-f", "mp4",
                "-movflags", "empty_moov+default_base_moof+frag_every_frame", "-flush_packets", "1", "pipe:1"));
        Process p;
        try {
            p = new ProcessBuilder(cmd).start();
        } catch (IOException e) {
            throw new IOException("cannot start " + ffmpeg + " (is FFmpeg installed? apt-get install ffmpeg): " + e.getMessage(), e);
        }
        FfmpegIngest run = new FfmpegIngest(p);
        p.getOutputStream().close();
        Thread err = new Thread(run::drainStderr, "skyfleet-video-ffmpeg-err-" + name);
        err.setDaemon(true);
        run.stderrReader = err;
        err.start();
        Thread out = new Thread(() -> run.readStdout(listener), "skyfleet-video-ingest-" + name);
        out.setDaemon(true);
        out.start();
        return run;
    }

    private void readStdout(IngestListener listener) {
        String error;
        try (DataInputStream in = Boxes.data(process.getInputStream())) {
            error = relay(in, listener);
        } catch (IOException e) {
            error = closed ? "stopped" : e.getMessage();
        }
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (error == null) {
            String last = lastError();
            error = last.isEmpty() ? "the source ended (ffmpeg exit code " + process.exitValue() + ")" : last;
        }
        listener.onEnd(closed ? "stopped" : error);
    }

    /** Splits stdout into boxes until it ends; returns why the stream is refused, or null if it just ended. */
    private static String relay(DataInputStream in, IngestListener listener) throws IOException {
        byte[] ftyp = null;
        byte[] moof = null;
        InitSegment init = null;
        for (Optional<Boxes.Box> next = Boxes.next(in); next.isPresent(); next = Boxes.next(in)) {
            Boxes.Box box = next.get();
            switch (box.type()) {
                case "ftyp" -> ftyp = box.bytes();
                case "moov" -> {
                    init = InitSegment.of(ftyp == null ? new byte[0] : ftyp, box.bytes());
                    if (!init.isH264OrH265()) {
                        return "the stream's video codec is " + init.codec() + ", not H.264 or H.265: the relay does not transcode";
                    }
                    listener.onInit(init);
                }
                case "moof" -> moof = box.bytes();
                case "mdat" -> {
                    if (init == null || moof == null) {
                        return "media data before the stream's header: not a fragmented MP4 from the ingest";
                    }
                    listener.onFragment(MediaFragment.of(moof, box.bytes(), init));
                    moof = null;
                }
                default -> { } // styp, sidx, free: nothing a live relay needs
            }
        }
        return null;
    }

    private void drainStderr() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                Matcher video = INPUT_VIDEO.matcher(line);
                if (inputCodec == null && video.find()) {
                    inputCodec = video.group(1);
                }
                Matcher error = ERROR_LINE.matcher(line);
                synchronized (stderrTail) {
                    if (error.find()) {
                        stderrTail.addLast(error.group(1).strip());
                    }
                    while (stderrTail.size() > STDERR_LINES_KEPT) {
                        stderrTail.removeFirst();
                    }
                }
            }
        } catch (IOException ignored) {
            // the process is gone
        }
    }

    /** FFmpeg's last error line, or empty; for a codec that is not H.264/H.265, that. */
    String lastError() {
        try {
            stderrReader.join(5000); // the process has exited: its last lines are on their way (ends at once when drained)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String codec = inputCodec;
        if (codec != null && !codec.equals("h264") && !codec.equals("hevc")) {
            return "the stream's video codec is " + codec + ", not H.264 or H.265: the relay does not transcode";
        }
        synchronized (stderrTail) {
            return stderrTail.isEmpty() ? "" : stderrTail.peekLast();
        }
    }

    /** Stops FFmpeg; the listener's {@code onEnd} says "stopped". */
    @Override
    public void close() {
        closed = true;
        process.destroy();
    }
}
