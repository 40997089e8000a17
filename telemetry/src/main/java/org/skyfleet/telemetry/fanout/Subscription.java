package org.skyfleet.telemetry.fanout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A subscriber's queue and the loop that drains it into its sink. Drains run on a shared executor,
 * never on the publisher's thread, and at most one at a time per subscription (a work-in-progress
 * counter: whoever moves it from 0 schedules the drain; the drain loops until no request is missed).
 * Each message to the sink carries up to {@link #MAX_BATCH} updates, encoded on the drain thread.
 */
public abstract class Subscription<T> implements AutoCloseable {

    static final int MAX_BATCH = 64;

    /** Items ready to go, with how many were skipped before them. */
    protected record Batch<T>(List<Supplier<T>> items, long skipped) {
    }

    private final Executor drainExecutor;
    private final UpdateSink<T> sink;
    private final FanoutMetrics metrics;
    private final AtomicInteger wip = new AtomicInteger();
    private final Runnable onClose;
    private volatile boolean closed;

    protected Subscription(Executor drainExecutor, UpdateSink<T> sink, FanoutMetrics metrics, Runnable onClose) {
        this.drainExecutor = drainExecutor;
        this.sink = sink;
        this.metrics = metrics;
        this.onClose = onClose;
    }

    /** Up to {@code max} items to send next, or null if nothing is ready. Called only by the drain loop. */
    protected abstract Batch<T> poll(int max);

    /** The transport refused more while items were waiting: the subscriber is slow. */
    protected void onBackpressure() {
    }

    /** The transport is ready again: resume draining. */
    public final void onReady() {
        requestDrain();
    }

    public final boolean isClosed() {
        return closed;
    }

    /** Stops delivery and forgets the subscriber at once. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onClose.run();
        }
    }

    protected final void requestDrain() {
        if (!closed && wip.getAndIncrement() == 0) {
            drainExecutor.execute(this::drainLoop);
        }
    }

    private void drainLoop() {
        int missed = 1;
        do {
            drainOnce();
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    private void drainOnce() {
        try {
            while (!closed) {
                if (!sink.isReady()) {
                    onBackpressure();
                    return;
                }
                Batch<T> batch = poll(MAX_BATCH);
                if (batch == null) {
                    return;
                }
                List<T> encoded = new ArrayList<>(batch.items().size());
                for (Supplier<T> item : batch.items()) {
                    encoded.add(item.get());
                }
                sink.send(encoded, batch.skipped());
                metrics.sent(encoded.size());
            }
        } catch (RuntimeException e) {
            // The transport broke (client gone mid-write): this subscriber is done, nobody else is affected.
            close();
        }
    }
}
