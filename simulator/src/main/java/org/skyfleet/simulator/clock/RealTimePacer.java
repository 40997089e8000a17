package org.skyfleet.simulator.clock;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drives a simulation on its own thread so that simulated time follows wall time multiplied by a time
 * scale: it wakes every 10 ms of wall time and runs as many fixed simulation steps as simulated time
 * owes. A wake-up that comes late does not leave a queue of wake-ups behind it; the steps owed are simply
 * run at once. A backlog beyond {@link #MAX_STEPS_PER_WAKE} steps is dropped (counted by
 * {@link #droppedSteps()}) so an overloaded machine slows the simulation instead of spiralling.
 *
 * <p>It measures the lag of the simulation behind real time at each wake-up, in wall milliseconds,
 * before the owed steps run: telemetry due in that interval goes out that late. That is what the
 * capacity benchmark reports.
 */
public final class RealTimePacer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RealTimePacer.class.getName());
    private static final long WAKE_NS = 10_000_000;
    /** At most this many steps per wake-up (a 100x time scale needs 100). */
    public static final int MAX_STEPS_PER_WAKE = 200;

    private final double timeScale;
    private final LongSupplier nanoTime;
    private final Runnable step;
    private final Thread thread;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;
    private volatile boolean resetRequested;
    private volatile long wakes;
    private volatile long droppedSteps;
    private final long[] lagHistogramMs = new long[1001];

    public RealTimePacer(double timeScale, LongSupplier nanoTime, Runnable step, String threadName) {
        if (!(timeScale > 0 && timeScale <= 100)) {
            throw new IllegalArgumentException("time scale must be in (0, 100], got " + timeScale);
        }
        this.timeScale = timeScale;
        this.nanoTime = nanoTime;
        this.step = step;
        this.thread = new Thread(this::loop, threadName);
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void loop() {
        long startNs = nanoTime.getAsLong();
        long accounted = 0;  // steps run or dropped
        long nextNs = startNs + WAKE_NS;
        while (running) {
            long now = nanoTime.getAsLong();
            if (now < nextNs) {
                LockSupport.parkNanos(nextNs - now);
                continue;
            }
            nextNs = Math.max(nextNs + WAKE_NS, now + WAKE_NS / 2);
            Runnable task;
            while ((task = tasks.poll()) != null) {
                run(task);
            }
            if (resetRequested) {
                java.util.Arrays.fill(lagHistogramMs, 0);
                resetRequested = false;
            }
            double owedSteps = (now - startNs) / 1e6 * timeScale / SimClock.STEP_MS - accounted;
            long lagMs = (long) (Math.max(0, owedSteps - 1) * SimClock.STEP_MS / timeScale);
            lagHistogramMs[(int) Math.min(lagMs, lagHistogramMs.length - 1)]++;
            long steps = (long) owedSteps;
            if (steps > MAX_STEPS_PER_WAKE) {
                droppedSteps += steps - MAX_STEPS_PER_WAKE;
                accounted += steps - MAX_STEPS_PER_WAKE;
                steps = MAX_STEPS_PER_WAKE;
            }
            for (long i = 0; i < steps && running; i++) {
                run(step);
                accounted++;
            }
            wakes++;
        }
    }

    private static void run(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            // One bad step must not stop the fleet.
            LOG.log(Level.WARNING, "simulation step failed", e);
        }
    }

    /** Forgets the lag measured so far (a benchmark's warm-up). */
    public void resetStats() {
        resetRequested = true;
    }

    /** Runs {@code task} on the simulation thread before the next step. */
    public void execute(Runnable task) {
        tasks.add(task);
    }

    /** Wake-ups so far. */
    public long wakes() {
        return wakes;
    }

    /** Steps not run because the thread could not keep up. */
    public long droppedSteps() {
        return droppedSteps;
    }

    /** The lag behind real time (wall ms) that the given fraction (0..1) of wake-ups did not exceed. */
    public long latenessPercentileMs(double fraction) {
        long[] h = lagHistogramMs.clone();
        long total = 0;
        for (long c : h) {
            total += c;
        }
        long seen = 0;
        for (int ms = 0; ms < h.length; ms++) {
            seen += h[ms];
            if (total > 0 && seen >= fraction * total) {
                return ms;
            }
        }
        return 0;
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
