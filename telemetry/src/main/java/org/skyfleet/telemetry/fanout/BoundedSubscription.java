package org.skyfleet.telemetry.fanout;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * An event subscription: events are distinct and cannot be conflated, so the queue is bounded and a
 * subscriber that falls that far behind loses the oldest events, and is told how many.
 */
public final class BoundedSubscription<T> extends Subscription<T> {
    private final FanoutMetrics metrics;
    private final int capacity;
    private final ArrayDeque<T> queue;
    private long dropped;

    BoundedSubscription(Executor drainExecutor, UpdateSink<T> sink, FanoutMetrics metrics, int capacity,
                        Runnable onClose) {
        super(drainExecutor, sink, metrics, onClose);
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1");
        }
        this.metrics = metrics;
        this.capacity = capacity;
        this.queue = new ArrayDeque<>(Math.min(capacity, 256));
    }

    public void offer(T item) {
        if (isClosed()) {
            return;
        }
        synchronized (this) {
            if (queue.size() == capacity) {
                queue.pollFirst();
                dropped++;
                metrics.skipped();
            }
            queue.addLast(item);
        }
        requestDrain();
    }

    @Override
    protected synchronized Next<T> poll() {
        T item = queue.pollFirst();
        if (item == null) {
            return null;
        }
        long d = dropped;
        dropped = 0;
        return new Next<>(item, d);
    }
}
