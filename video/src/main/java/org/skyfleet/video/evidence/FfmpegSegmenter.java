package org.skyfleet.video.evidence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.skyfleet.video.mp4.InitSegment;
import org.skyfleet.video.relay.ViewerSink;

/**
 * One run of FFmpeg's segment muxer fed with a stream's fragmented MP4 as the relay hands it to a viewer (the
 * init segment, then fragments from a keyframe on), writing {@code 000000.mp4, 000001.mp4...} into a directory:
 *
 * <pre>ffmpeg -f mp4 -i pipe:0 -map 0:v:0 -c copy -f segment -segment_time S -segment_format mp4
 *        -reset_timestamps 1 -segment_list pipe:1 -segment_list_type csv DIR/%06d.mp4</pre>
 *
 * {@code -c copy}: the camera's own bitstream, re-wrapped; segments are cut at the first keyframe after each
 * {@code S} seconds. FFmpeg writes a CSV line (file, start s, end s) when it closes a segment; the segment's UTC
 * times are the stream-time offsets from the UTC of the first fragment written. A second init segment (the
 * source restarted) ends the run: the demuxer reads one header, so the recorder starts another run.
 *
 * <p>The relay's thread only queues (at most {@link #QUEUE_FRAGMENTS} fragments); a writer thread feeds
 * FFmpeg. A full queue makes this sink not writable, so the relay skips to the next keyframe, as for any slow
 * viewer: the count of fragments lost is {@link #droppedFragments()}.
 */
public final class FfmpegSegmenter implements ViewerSink, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(FfmpegSegmenter.class.getName());
    static final int QUEUE_FRAGMENTS = 512;
    private static final byte[] END = new byte[0];

    private final Process process;
    private final Path dir;
    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUE_FRAGMENTS);
    private final AtomicLong dropped = new AtomicLong();
    private final InstantSource clock;
    private volatile Instant firstFrame;
    private volatile InitSegment init;
    private volatile boolean ended;
    private Thread listReader;

    private FfmpegSegmenter(Process process, Path dir, InstantSource clock) {
        this.process = process;
        this.dir = dir;
        this.clock = clock;
    }

    /**
     * Starts FFmpeg writing segments of about {@code segment} into {@code dir} (created).
     *
     * @throws IOException if the directory cannot be made or FFmpeg cannot be started
     */
    public static FfmpegSegmenter start(String ffmpeg, Path dir, Duration segment, InstantSource clock, SegmentListener listener,
                                        String name) throws IOException {
        Files.createDirectories(dir);
        double seconds = segment.toMillis() / 1000.0;
        List<String> cmd = List.of(ffmpeg, "-hide_banner", "-nostdin", "-nostats", "-loglevel", "error",
                "-f", "mp4", "-i", "pipe:0", "-map", "0:v:0", "-c", "copy", "-f", "segment", "-segment_time", Double.toString(seconds),
                "-segment_format", "mp4", "-reset_timestamps", "1", "-segment_list", "pipe:1", "-segment_list_type", "csv",
                dir.resolve("%06d.mp4").toString());
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IOException("cannot start " + ffmpeg + " (is FFmpeg installed? apt-get install ffmpeg): " + e.getMessage(), e);
        }
        FfmpegSegmenter s = new FfmpegSegmenter(p, dir, clock);
        daemon(s::feed, "skyfleet-evidence-feed-" + name);
        s.listReader = daemon(() -> s.readList(listener), "skyfleet-evidence-list-" + name);
        return s;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public boolean writable() {
        return !ended && queue.remainingCapacity() > 0;
    }

    @Override
    public void sendInit(InitSegment segment) {
        if (init != null && init != segment) {
            end(); // the source restarted: this run is over, the recorder starts the next
            return;
        }
        init = segment;
        offer(segment.bytes());
    }

    @Override
    public void sendFragment(byte[] bytes) {
        if (init == null || ended) {
            return;
        }
        if (firstFrame == null) {
            firstFrame = clock.instant();
        }
        offer(bytes);
    }

    @Override
    public void sendStatus(String state, String reason) {
        // a stall or restart: the next init segment, if another comes, ends this run (sendInit)
    }

    private void offer(byte[] bytes) {
        if (!queue.offer(bytes)) {
            dropped.incrementAndGet();
        }
    }

    private void feed() {
        try (OutputStream in = process.getOutputStream()) {
            for (byte[] b = queue.take(); b != END; b = queue.take()) {
                in.write(b);
            }
        } catch (IOException | InterruptedException e) {
            LOG.log(Level.FINE, "evidence segmenter input closed", e);
        }
    }

    private void readList(SegmentListener listener) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",");
                if (f.length < 3 || firstFrame == null) {
                    continue;
                }
                Path file = dir.resolve(Path.of(f[0]).getFileName());
                Instant start = firstFrame.plusNanos(Math.round(Double.parseDouble(f[1]) * 1e9));
                Instant end = firstFrame.plusNanos(Math.round(Double.parseDouble(f[2]) * 1e9));
                try {
                    listener.onSegment(file, start, end);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "evidence segment " + file + " not taken", e);
                }
            }
        } catch (IOException | NumberFormatException e) {
            LOG.log(Level.WARNING, "evidence segment list from FFmpeg unreadable", e);
        }
    }

    /** Whether this run has ended (its source restarted or it was closed): the recorder starts another. */
    public boolean ended() {
        return ended;
    }

    public long droppedFragments() {
        return dropped.get();
    }

    private void end() {
        if (ended) {
            return;
        }
        ended = true;
        if (!queue.offer(END)) { // full: what is queued is lost either way, the end must get through
            queue.clear();
            queue.offer(END);
        }
    }

    /**
     * Closes FFmpeg's input: it closes the last segment and exits. Waits up to {@code wait} for that and for the
     * listener to have heard of every segment.
     */
    public void finish(Duration wait) throws InterruptedException {
        end();
        if (!process.waitFor(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroy();
        }
        listReader.join(wait.toMillis());
    }

    @Override
    public void close() throws InterruptedException {
        finish(Duration.ofSeconds(5));
    }
}
