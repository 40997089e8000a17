package org.skyfleet.telemetry.fanout;

/**
 * Where a subscription delivers: a transport with flow control. Calls are serialized (never two at
 * once for one sink). The transport must call {@link Subscription#onReady()} when it becomes ready
 * again after {@link #isReady()} returned false.
 */
public interface UpdateSink<T> {

    /** True if the transport can take a message now without buffering it unboundedly. */
    boolean isReady();

    /**
     * Delivers one update.
     *
     * @param item    the encoded update
     * @param skipped how many updates this subscriber missed (conflated or dropped) since the last delivery
     */
    void send(T item, long skipped);
}
