package org.skyfleet.cluster.bus;

import io.micrometer.core.instrument.Counter;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Hands events from the broker's delivery thread to one listener without ever waiting for it. Events are
 * not conflated (each says something different), so the queue is bounded: when full, the oldest is
 * dropped and counted, keeping the listener's view recent.
 */
final class BoundedEvents<T> implements AutoCloseable {
    private final ArrayDeque<T> queue = new ArrayDeque<>();
    private final int capacity;
    private final Executor executor;
    private final Consumer<T> listener;
    private final Counter dropped;
    private boolean draining;
    private volatile boolean closed;

    BoundedEvents(int capacity, Executor executor, Consumer<T> listener, Counter dropped) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
        this.executor = executor;
        this.listener = listener;
        this.dropped = dropped;
    }

    void offer(T item) {
        if (closed) {
            return;
        }
        boolean start;
        synchronized (this) {
            if (queue.size() == capacity) {
                queue.pollFirst();
                dropped.increment();
            }
            queue.addLast(item);
            start = !draining;
            draining = true;
        }
        if (start) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        while (!closed) {
            T next;
            synchronized (this) {
                next = queue.pollFirst();
                if (next == null) {
                    draining = false;
                    return;
                }
            }
            listener.accept(next);
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            queue.clear();
        }
    }
}
