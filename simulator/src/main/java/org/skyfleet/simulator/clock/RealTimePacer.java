package org.skyfleet.simulator.clock;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drives a simulation on its own thread so that simulated time follows wall time multiplied by a time
 * scale: every 10 ms of wall time it runs as many fixed simulation steps as simulated time owes. A
 * backlog beyond {@link #MAX_STEPS_PER_WAKE} steps is dropped (counted as {@link #droppedSteps()}) so an
 * overloaded machine slows the simulation instead of spiralling. It also measures how late each wake-up
 * was against its schedule, which is what the capacity benchmark reports.
 */
public final class RealTimePacer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RealTimePacer.class.getName());
    private static final long WAKE_NS = 10_000_000;
    /** At most this many steps per wake-up (a 100x time scale needs 100). */
    public static final int MAX_STEPS_PER_WAKE = 200;

    private final double timeScale;
    private final LongSupplier nanoTime;
    private final Runnable step;
    private final ScheduledExecutorService thread;
    private long startNs;
    private long lastNs;
    private double owedMs;
    private long wakes;
    private long droppedSteps;
    private final long[] latenessHistogramMs = new long[1001];

    public RealTimePacer(double timeScale, LongSupplier nanoTime, Runnable step, String threadName) {
        if (!(timeScale > 0 && timeScale <= 100)) {
            throw new IllegalArgumentException("time scale must be in (0, 100], got " + timeScale);
        }
        this.timeScale = timeScale;
        this.nanoTime = nanoTime;
        this.step = step;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    public void start() {
        thread.execute(() -> {
            startNs = nanoTime.getAsLong();
            lastNs = startNs;
        });
        thread.scheduleAtFixedRate(this::wake, WAKE_NS, WAKE_NS, TimeUnit.NANOSECONDS);
    }

    private void wake() {
        try {
            long now = nanoTime.getAsLong();
            long scheduledNs = startNs + (wakes + 1) * WAKE_NS;
            long latenessMs = Math.max(0, (now - scheduledNs) / 1_000_000);
            latenessHistogramMs[(int) Math.min(latenessMs, latenessHistogramMs.length - 1)]++;
            wakes++;
            owedMs += (now - lastNs) / 1e6 * timeScale;
            lastNs = now;
            long steps = (long) (owedMs / SimClock.STEP_MS);
            if (steps > MAX_STEPS_PER_WAKE) {
                droppedSteps += steps - MAX_STEPS_PER_WAKE;
                steps = MAX_STEPS_PER_WAKE;
                owedMs = steps * SimClock.STEP_MS;
            }
            for (long i = 0; i < steps; i++) {
                step.run();
            }
            owedMs -= steps * SimClock.STEP_MS;
        } catch (RuntimeException e) {
            // One bad step must not stop the fleet.
            LOG.log(Level.WARNING, "simulation step failed", e);
        }
    }

    /** Forgets the lateness measured so far (a benchmark's warm-up), on the simulation thread. */
    public void resetStats() {
        thread.execute(() -> java.util.Arrays.fill(latenessHistogramMs, 0));
    }

    /** Runs {@code task} on the simulation thread, between steps. */
    public void execute(Runnable task) {
        thread.execute(task);
    }

    /** Wake-ups so far. */
    public long wakes() {
        return wakes;
    }

    /** Steps not run because the thread could not keep up. */
    public long droppedSteps() {
        return droppedSteps;
    }

    /** The lateness (ms) that the given fraction (0..1) of wake-ups did not exceed. */
    public long latenessPercentileMs(double fraction) {
        long total = 0;
        for (long c : latenessHistogramMs) {
            total += c;
        }
        long seen = 0;
        for (int ms = 0; ms < latenessHistogramMs.length; ms++) {
            seen += latenessHistogramMs[ms];
            if (total > 0 && seen >= fraction * total) {
                return ms;
            }
        }
        return 0;
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
