package org.skyfleet.telemetry.fanout;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * An event subscription: events are distinct and cannot be conflated, so the queue is bounded and a
 * subscriber that falls that far behind loses the oldest events, and is told how many.
 */
public final class BoundedSubscription<T> extends Subscription<T> {
    private final FanoutMetrics metrics;
    private final int capacity;
    private final ArrayDeque<Supplier<T>> queue;
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

    public void offer(Supplier<T> item) {
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
    protected synchronized Batch<T> poll(int max) {
        if (queue.isEmpty()) {
            return null;
        }
        List<Supplier<T>> items = new ArrayList<>(Math.min(max, queue.size()));
        Supplier<T> item;
        while (items.size() < max && (item = queue.pollFirst()) != null) {
            items.add(item);
        }
        long d = dropped;
        dropped = 0;
        return new Batch<>(items, d);
    }
}
