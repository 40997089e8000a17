package org.skyfleet.telemetry.fanout;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A state subscription. While the subscriber keeps up, every update is delivered in order. Once it
 * is slow (its transport refused a message while updates were waiting, or more than
 * {@link #SOFT_LIMIT} are queued), a newer update of a vehicle replaces that vehicle's queued one in
 * place (keeping its place in line) and counts as skipped; the subscriber is back to full delivery
 * when its queue empties. The queue therefore never holds more than {@code SOFT_LIMIT} plus one entry
 * per vehicle.
 *
 * <p>With a maximum rate, updates that arrive sooner than the vehicle's interval are held (also
 * conflating) and released by a timer once the interval has passed. Live updates of a vehicle come
 * in version order from its single writer; the initial snapshot, offered while live updates may
 * already flow, is skipped for any vehicle that already had a live update, so a stream never goes
 * backwards.
 *
 * <p>While the reader keeps up, an offer is a plain append; the per-vehicle index that conflation
 * needs is built only when the reader falls behind, and dropped when it has caught up.
 */
public final class ConflatingSubscription<T> extends Subscription<T> {
    static final int SOFT_LIMIT = 1024;

    private static final class Slot<T> {
        final String vehicleId;
        Supplier<T> item;

        Slot(String vehicleId, Supplier<T> item) {
            this.vehicleId = vehicleId;
            this.item = item;
        }
    }

    private final FanoutMetrics metrics;
    private final long minIntervalNanos;
    private final LongSupplier nanoClock;
    private final ArrayDeque<Slot<T>> queue = new ArrayDeque<>();
    /** The newest queued slot of each vehicle; kept only while conflating, null while the reader keeps up. */
    private Map<String, Slot<T>> queued;
    private final Map<String, Supplier<T>> held = new HashMap<>();
    private final Map<String, Long> lastReleasedNanos = new HashMap<>();
    /** Vehicles with a live update offered while the initial snapshot is being offered; null after it. */
    private Set<String> liveDuringSnapshot = new HashSet<>();
    private final ScheduledFuture<?> releaseTimer;
    private boolean slow;
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

    /** Offers the newest encoded state of a vehicle, live from its writer. Never blocks beyond a short critical section. */
    public void offer(String vehicleId, Supplier<T> item) {
        if (isClosed()) {
            return;
        }
        synchronized (this) {
            if (liveDuringSnapshot != null) {
                liveDuringSnapshot.add(vehicleId);
            }
            if (!admitByRate(vehicleId, item)) {
                return;
            }
            enqueue(vehicleId, item);
        }
        requestDrain();
    }

    /** Offers a vehicle's state from the initial snapshot, unless a live update of it came first. */
    public void offerSnapshot(String vehicleId, Supplier<T> item) {
        synchronized (this) {
            if (liveDuringSnapshot == null || liveDuringSnapshot.contains(vehicleId) || !admitByRate(vehicleId, item)) {
                return;
            }
            enqueue(vehicleId, item);
        }
        requestDrain();
    }

    /** The snapshot is offered: from now on only live updates arrive. */
    public synchronized void snapshotComplete() {
        liveDuringSnapshot = null;
    }

    /** True if the update may be queued now; otherwise it is held by the rate limit. Caller holds the lock. */
    private boolean admitByRate(String vehicleId, Supplier<T> item) {
        if (minIntervalNanos == 0) {
            return true;
        }
        long now = nanoClock.getAsLong();
        Long last = lastReleasedNanos.get(vehicleId);
        if (last != null && now - last < minIntervalNanos) {
            if (held.put(vehicleId, item) != null) {
                countSkipped();
            }
            return false;
        }
        lastReleasedNanos.put(vehicleId, now);
        if (held.remove(vehicleId) != null) {
            countSkipped();
        }
        return true;
    }

    private void enqueue(String vehicleId, Supplier<T> item) {
        if (!slow && queue.size() < SOFT_LIMIT) {
            queue.addLast(new Slot<>(vehicleId, item));
            return;
        }
        if (queued == null) {
            queued = new HashMap<>();
            for (Slot<T> slot : queue) {
                queued.put(slot.vehicleId, slot);  // later slots of a vehicle overwrite earlier ones
            }
        }
        Slot<T> existing = queued.get(vehicleId);
        if (existing != null) {
            existing.item = item;
            countSkipped();
            return;
        }
        Slot<T> slot = new Slot<>(vehicleId, item);
        queue.addLast(slot);
        queued.put(vehicleId, slot);
    }

    @Override
    protected synchronized Batch<T> poll(int max) {
        if (queue.isEmpty()) {
            slow = false;
            queued = null;
            return null;
        }
        List<Supplier<T>> items = new ArrayList<>(Math.min(max, queue.size()));
        Slot<T> slot;
        while (items.size() < max && (slot = queue.pollFirst()) != null) {
            if (queued != null && queued.get(slot.vehicleId) == slot) {
                queued.remove(slot.vehicleId);
            }
            items.add(slot.item);
        }
        long s = skipped;
        skipped = 0;
        return new Batch<>(items, s);
    }

    @Override
    protected synchronized void onBackpressure() {
        if (!queue.isEmpty()) {
            slow = true;
        }
    }

    /** Moves held updates whose interval has passed into the queue; run by the timer. */
    void releaseHeld() {
        boolean released = false;
        synchronized (this) {
            if (held.isEmpty()) {
                return;
            }
            long now = nanoClock.getAsLong();
            Iterator<Map.Entry<String, Supplier<T>>> it = held.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, Supplier<T>> e = it.next();
                Long last = lastReleasedNanos.get(e.getKey());
                if (last == null || now - last >= minIntervalNanos) {
                    lastReleasedNanos.put(e.getKey(), now);
                    enqueue(e.getKey(), e.getValue());
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

    /** Updates waiting to be sent (queued or held by the rate limit). */
    public synchronized int pendingCount() {
        return queue.size() + held.size();
    }

    /** True while the subscriber is being conflated because it fell behind. */
    public synchronized boolean isSlow() {
        return slow;
    }

    @Override
    public void close() {
        if (releaseTimer != null) {
            releaseTimer.cancel(false);
        }
        super.close();
        synchronized (this) {
            queue.clear();
            queued = null;
            held.clear();
        }
    }
}
