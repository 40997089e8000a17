package org.skyfleet.cluster.bus;

import io.micrometer.core.instrument.Counter;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Hands states from the broker's delivery thread to one listener without ever waiting for it. A newer
 * state of a vehicle whose previous one the listener has not taken yet replaces it in place (keeping its
 * turn) and is counted as conflated, so the queue holds at most one state per vehicle and a listener that
 * falls behind gets the newest of each, never an old one after a new one.
 */
final class LatestPerVehicle<T> implements AutoCloseable {
    private final Map<String, T> pending = new LinkedHashMap<>();
    private final Executor executor;
    private final Consumer<T> listener;
    private final Counter conflated;
    private boolean draining;
    private volatile boolean closed;

    LatestPerVehicle(Executor executor, Consumer<T> listener, Counter conflated) {
        this.executor = executor;
        this.listener = listener;
        this.conflated = conflated;
    }

    /** Called on the broker's thread: a short critical section, no listener code. */
    void offer(String vehicleKey, T item) {
        if (closed) {
            return;
        }
        boolean start;
        synchronized (this) {
            if (pending.put(vehicleKey, item) != null) {
                conflated.increment();
            }
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
                Iterator<T> it = pending.values().iterator();
                if (!it.hasNext()) {
                    draining = false;
                    return;
                }
                next = it.next();
                it.remove();
            }
            listener.accept(next);
        }
    }

    synchronized int pending() {
        return pending.size();
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            pending.clear();
        }
    }
}
