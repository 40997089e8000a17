package org.skyfleet.simulator.video;

import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One drone's streaming camera: a thread that renders the latest scene at a steady frame rate and feeds
 * it to an {@link H264Encoder} publishing to its URL. When the encoder dies (the server is not listening
 * yet, or went away) it is started again a second later, as a dock's streamer retries.
 */
public final class SimCamera implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SimCamera.class.getName());
    private static final long RETRY_MS = 1_000;

    private final String ffmpeg;
    private final int widthPx;
    private final int heightPx;
    private final int framesPerS;
    private final Supplier<CameraScene> scene;
    private final Thread thread;
    private volatile List<String> output;
    private final String url;
    private volatile boolean closed;
    private volatile long framesSent;
    private volatile String lastError = "";
    private volatile H264Encoder current;

    /**
     * @param scene the latest scene (read each frame from this camera's thread)
     * @param url    where viewers find the stream, e.g. rtmp://server:1935/live/mav-14550-1 or rtsp://sim:8554/live/mav-14550-1
     * @param output the encoder's output arguments ({@link H264Encoder#rtmp}, {@link H264Encoder#rtp})
     */
    public SimCamera(String ffmpeg, int widthPx, int heightPx, int framesPerS, Supplier<CameraScene> scene, String url,
                     List<String> output, String name) {
        this.ffmpeg = ffmpeg;
        this.widthPx = widthPx;
        this.heightPx = heightPx;
        this.framesPerS = framesPerS;
        this.scene = scene;
        this.url = url;
        this.output = output;
        this.thread = new Thread(this::run, "skyfleet-sim-camera-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        FrameRenderer renderer = new FrameRenderer(widthPx, heightPx);
        long frameNs = 1_000_000_000L / framesPerS;
        while (!closed) {
            try (H264Encoder encoder = H264Encoder.start(ffmpeg, widthPx, heightPx, framesPerS, output)) {
                current = encoder;
                long next = System.nanoTime();
                while (!closed) {
                    encoder.write(renderer.render(scene.get()));
                    framesSent++;
                    next += frameNs;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    } else if (wait < -frameNs) {
                        next = System.nanoTime(); // fell behind: drop the debt rather than burst
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                lastError = e.getMessage();
                LOG.log(Level.FINE, "camera stream to " + url + " stopped; retrying", e);
            }
            try {
                Thread.sleep(RETRY_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    public String url() {
        return url;
    }

    public long framesSent() {
        return framesSent;
    }

    public String lastError() {
        return lastError;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        H264Encoder encoder = current;
        if (encoder != null) {
            encoder.close(); // unblocks a write waiting on the pipe
        }
    }
}
