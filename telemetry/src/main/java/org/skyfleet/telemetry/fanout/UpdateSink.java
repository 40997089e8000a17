package org.skyfleet.telemetry.fanout;

import java.util.List;

/**
 * Where a subscription delivers: a transport with flow control. Calls are serialized (never two at
 * once for one sink). The transport must call {@link Subscription#onReady()} when it becomes ready
 * again after {@link #isReady()} returned false.
 */
public interface UpdateSink<T> {

    /** True if the transport can take a message now without buffering it unboundedly. */
    boolean isReady();

    /**
     * Delivers a batch of updates as one message.
     *
     * @param items   one or more encoded updates, oldest first
     * @param skipped how many updates this subscriber missed (conflated or dropped) since the last delivery
     */
    void send(List<T> items, long skipped);
}
