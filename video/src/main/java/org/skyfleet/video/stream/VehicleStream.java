package org.skyfleet.video.stream;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.io.IOException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.skyfleet.video.VideoConfig;
import org.skyfleet.video.ingest.FfmpegIngest;
import org.skyfleet.video.ingest.IngestListener;
import org.skyfleet.video.ingest.StreamSource;
import org.skyfleet.video.mp4.InitSegment;
import org.skyfleet.video.mp4.MediaFragment;
import org.skyfleet.video.relay.StreamRelay;

/**
 * One vehicle's stream kept alive: an ingest run at a time, restarted when it ends (at once for a push
 * endpoint, which must listen again; with back-off from 1 s to 10 s for a pulled source), and a watchdog
 * that calls a live stream stalled when no frame has come for the stall timeout. Whatever goes wrong stays
 * here: it is this stream's status and error, and no other stream's.
 */
public final class VehicleStream implements AutoCloseable {
    private static final long MIN_BACKOFF_MS = 1_000;
    private static final long MAX_BACKOFF_MS = 10_000;
    private static final long PUSH_RELISTEN_MS = 200;
    private static final long WATCHDOG_MS = 250;
    private static final long RATE_WINDOW_MS = 3_000;

    private final String vehicleId;
    private final StreamSource source;
    private final String discoveredBy;
    private final VideoConfig config;
    private final InstantSource clock;
    private final ScheduledExecutorService timer;
    private final StreamRelay relay = new StreamRelay();
    private final RateMeter rate = new RateMeter(RATE_WINDOW_MS);
    private final MeterRegistry meters;
    private final List<Meter> registered;
    private final Consumer<StreamStatus> onChange;
    private final ScheduledFuture<?> watchdog;

    private StreamState state = StreamState.CONNECTING;
    private String error = "";
    private long stalls;
    private long frames;
    private long bytes;
    private long lastFrameMs = -1;
    private long backoffMs = MIN_BACKOFF_MS;
    private int generation;
    private FfmpegIngest run;
    private boolean closed;
    private volatile Consumer<Instant> onDelivered = at -> { };

    /**
     * Starts ingesting at once.
     *
     * @param onChange told of every change of state, from the ingest or timer thread; must not block
     */
    public VehicleStream(String vehicleId, StreamSource source, String discoveredBy, VideoConfig config, InstantSource clock,
                         ScheduledExecutorService timer, MeterRegistry meters, Consumer<StreamStatus> onChange) {
        this.vehicleId = vehicleId;
        this.source = source;
        this.discoveredBy = discoveredBy;
        this.config = config;
        this.clock = clock;
        this.timer = timer;
        this.meters = meters;
        this.onChange = onChange;
        Tags tags = Tags.of("vehicle", vehicleId);
        this.registered = List.of(
                Gauge.builder("skyfleet.video.viewers", relay, StreamRelay::viewerCount).tags(tags)
                        .description("viewers of a vehicle's live video").register(meters),
                Gauge.builder("skyfleet.video.frames.per.s", this, s -> s.rate.framesPerS(s.clock.millis())).tags(tags)
                        .description("frames per second arriving, over the last 3 s").register(meters),
                Gauge.builder("skyfleet.video.bitrate.kbit.per.s", this, s -> s.rate.kbitPerS(s.clock.millis())).tags(tags)
                        .description("video bitrate arriving, over the last 3 s").register(meters),
                FunctionCounter.builder("skyfleet.video.stalls", this, s -> s.stallCount()).tags(tags)
                        .description("times the stream stalled or its source went away").register(meters),
                FunctionCounter.builder("skyfleet.video.frames", this, s -> s.frameCount()).tags(tags)
                        .description("frames relayed").register(meters),
                FunctionCounter.builder("skyfleet.video.bytes", this, s -> s.byteCount()).tags(tags)
                        .description("bytes of video relayed in").register(meters),
                FunctionCounter.builder("skyfleet.video.skipped.fragments", relay, StreamRelay::skippedFragments).tags(tags)
                        .description("fragments a slow viewer missed").register(meters));
        launch();
        this.watchdog = timer.scheduleWithFixedDelay(this::checkStall, WATCHDOG_MS, WATCHDOG_MS, TimeUnit.MILLISECONDS);
    }

    private synchronized void launch() {
        if (closed) {
            return;
        }
        int gen = ++generation;
        try {
            run = FfmpegIngest.start(config.ffmpeg(), source, (int) config.connectTimeout().toSeconds(), new IngestListener() {
                @Override
                public void onInit(InitSegment init) {
                    VehicleStream.this.onInit(gen, init);
                }

                @Override
                public void onFragment(MediaFragment fragment) {
                    VehicleStream.this.onFragment(gen, fragment);
                }

                @Override
                public void onEnd(String why) {
                    VehicleStream.this.onEnd(gen, why);
                }
            }, vehicleId);
        } catch (IOException e) {
            onEnd(gen, e.getMessage());
        }
    }

    private void onInit(int gen, InitSegment init) {
        synchronized (this) {
            if (gen != generation) {
                return;
            }
        }
        relay.onInit(init);
    }

    private void onFragment(int gen, MediaFragment fragment) {
        boolean changed;
        synchronized (this) {
            if (gen != generation || closed) {
                return;
            }
            lastFrameMs = clock.millis();
            frames += fragment.samples();
            bytes += fragment.bytes().length;
            changed = state != StreamState.LIVE;
            if (changed) {
                state = StreamState.LIVE;
                error = "";
                backoffMs = MIN_BACKOFF_MS;
            }
        }
        rate.record(clock.millis(), fragment.samples(), fragment.bytes().length);
        if (relay.onFragment(fragment) > 0) {
            onDelivered.accept(clock.instant());
        }
        if (changed) {
            onChange.accept(status());
        }
    }

    private void onEnd(int gen, String why) {
        long delayMs;
        synchronized (this) {
            if (gen != generation || closed) {
                return;
            }
            generation++; // this run is over: nothing more from it counts
            if (state == StreamState.LIVE) {
                stalls++;
                state = StreamState.STALLED;
                error = "the source went away: " + why;
            } else {
                state = StreamState.FAILED;
                error = why;
            }
            delayMs = source.listen() ? PUSH_RELISTEN_MS : backoffMs;
            backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
        }
        relay.onStatus(state.name(), error);
        onChange.accept(status());
        timer.schedule(this::launch, delayMs, TimeUnit.MILLISECONDS);
    }

    private void checkStall() {
        FfmpegIngest stalled;
        synchronized (this) {
            if (closed || state != StreamState.LIVE || clock.millis() - lastFrameMs < config.stallTimeout().toMillis()) {
                return;
            }
            stalls++;
            state = StreamState.STALLED;
            error = "no frame for " + config.stallTimeout().toMillis() / 1000.0 + " s";
            generation++;
            stalled = run;
        }
        stalled.close();
        relay.onStatus(state.name(), error);
        onChange.accept(status());
        timer.schedule(this::launch, source.listen() ? PUSH_RELISTEN_MS : MIN_BACKOFF_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Tells {@code listener} each time a fragment is handed to at least one viewer (a frame on its way to a person),
     * from the ingest thread; it must not block. Replaces the listener before.
     */
    public void onDelivered(Consumer<Instant> listener) {
        this.onDelivered = listener;
    }

    public synchronized StreamStatus status() {
        InitSegment init = relay.init();
        long now = clock.millis();
        return new StreamStatus(vehicleId, source.url(), state, error, init == null ? "" : init.codec(),
                init == null ? 0 : init.widthPx(), init == null ? 0 : init.heightPx(), rate.framesPerS(now), rate.kbitPerS(now),
                relay.viewerCount(), stalls, lastFrameMs < 0 ? null : Instant.ofEpochMilli(lastFrameMs), discoveredBy);
    }

    public StreamRelay relay() {
        return relay;
    }

    public StreamSource source() {
        return source;
    }

    public String vehicleId() {
        return vehicleId;
    }

    private synchronized long stallCount() {
        return stalls;
    }

    private synchronized long byteCount() {
        return bytes;
    }

    private synchronized long frameCount() {
        return frames;
    }

    /** Stops the ingest, tells the viewers and removes this stream's meters. */
    @Override
    public void close() {
        FfmpegIngest last;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            last = run;
        }
        watchdog.cancel(false);
        if (last != null) {
            last.close();
        }
        relay.onStatus("REMOVED", "the stream was removed");
        registered.forEach(meters::remove);
    }
}
