package org.skyfleet.telemetry.fanout;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A state subscription that keeps at most one pending update per vehicle: a newer version replaces
 * an unsent older one and counts as skipped. With a maximum rate, updates that arrive sooner than the
 * vehicle's interval are held (also conflating) and released by a timer when the interval has passed.
 * Older versions than one already queued or sent are ignored, so a snapshot racing live updates
 * never goes backwards.
 */
public final class ConflatingSubscription<T> extends Subscription<T> {
    private record Versioned<T>(long version, T item) {
    }

    private final FanoutMetrics metrics;
    private final long minIntervalNanos;
    private final LongSupplier nanoClock;
    private final LinkedHashMap<String, Versioned<T>> pending = new LinkedHashMap<>();
    private final Map<String, Versioned<T>> held = new HashMap<>();
    private final Map<String, Long> lastVersion = new HashMap<>();
    private final Map<String, Long> lastReleasedNanos = new HashMap<>();
    private final ScheduledFuture<?> releaseTimer;
    private long skipped;

    /**
     * @param maxRateHz at most this many updates per second per vehicle; 0 for no limit
     */
    ConflatingSubscription(Executor drainExecutor, ScheduledExecutorService timer, UpdateSink<T> sink,
                           FanoutMetrics metrics, double maxRateHz, LongSupplier nanoClock, Runnable onClose) {
        super(drainExecutor, sink, metrics, onClose);
        this.metrics = metrics;
        this.nanoClock = nanoClock;
        this.minIntervalNanos = maxRateHz > 0 ? (long) (1e9 / maxRateHz) : 0;
        if (minIntervalNanos > 0) {
            long tickNanos = Math.max(5_000_000, minIntervalNanos / 4);
            this.releaseTimer = timer.scheduleAtFixedRate(this::releaseHeld, tickNanos, tickNanos, TimeUnit.NANOSECONDS);
        } else {
            this.releaseTimer = null;
        }
    }

    /** Offers the newest encoded state of a vehicle. Never blocks beyond a short critical section. */
    public void offer(String vehicleId, long version, T item) {
        if (isClosed()) {
            return;
        }
        synchronized (this) {
            Long seen = lastVersion.get(vehicleId);
            if (seen != null && seen >= version) {
                return;
            }
            lastVersion.put(vehicleId, version);
            Versioned<T> v = new Versioned<>(version, item);
            if (minIntervalNanos > 0) {
                long now = nanoClock.getAsLong();
                Long last = lastReleasedNanos.get(vehicleId);
                if (last != null && now - last < minIntervalNanos) {
                    if (held.put(vehicleId, v) != null) {
                        countSkipped();
                    }
                    return;
                }
                lastReleasedNanos.put(vehicleId, now);
                if (held.remove(vehicleId) != null) {
                    countSkipped();
                }
            }
            if (pending.put(vehicleId, v) != null) {
                countSkipped();
            }
        }
        requestDrain();
    }

    @Override
    protected synchronized Next<T> poll() {
        Iterator<Map.Entry<String, Versioned<T>>> it = pending.entrySet().iterator();
        if (!it.hasNext()) {
            return null;
        }
        Versioned<T> v = it.next().getValue();
        it.remove();
        long s = skipped;
        skipped = 0;
        return new Next<>(v.item(), s);
    }

    private void releaseHeld() {
        boolean released = false;
        synchronized (this) {
            if (held.isEmpty()) {
                return;
            }
            long now = nanoClock.getAsLong();
            Iterator<Map.Entry<String, Versioned<T>>> it = held.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, Versioned<T>> e = it.next();
                Long last = lastReleasedNanos.get(e.getKey());
                if (last == null || now - last >= minIntervalNanos) {
                    lastReleasedNanos.put(e.getKey(), now);
                    if (pending.put(e.getKey(), e.getValue()) != null) {
                        countSkipped();
                    }
                    it.remove();
                    released = true;
                }
            }
        }
        if (released) {
            requestDrain();
        }
    }

    private void countSkipped() {
        skipped++;
        metrics.skipped();
    }

    /** Updates waiting to be sent, for tests and metrics. */
    public synchronized int pendingCount() {
        return pending.size() + held.size();
    }

    @Override
    public void close() {
        if (releaseTimer != null) {
            releaseTimer.cancel(false);
        }
        super.close();
        synchronized (this) {
            pending.clear();
            held.clear();
        }
    }
}
