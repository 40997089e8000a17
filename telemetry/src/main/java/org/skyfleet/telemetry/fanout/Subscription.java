package org.skyfleet.telemetry.fanout;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A subscriber's queue and the loop that drains it into its sink. Drains run on a shared executor,
 * never on the publisher's thread, and at most one at a time per subscription (a work-in-progress
 * counter: whoever moves it from 0 schedules the drain; the drain loops until no request is missed).
 */
public abstract class Subscription<T> implements AutoCloseable {

    /** An item ready to go with how many were skipped before it. */
    protected record Next<T>(T item, long skipped) {
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

    /** The next item to send, or null if nothing is ready. Called only by the drain loop. */
    protected abstract Next<T> poll();

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
                Next<T> next = poll();
                if (next == null) {
                    return;
                }
                sink.send(next.item(), next.skipped());
                metrics.sent();
            }
        } catch (RuntimeException e) {
            // The transport broke (client gone mid-write): this subscriber is done, nobody else is affected.
            close();
        }
    }
}
