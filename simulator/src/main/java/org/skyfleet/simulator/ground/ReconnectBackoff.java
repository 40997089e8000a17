package org.skyfleet.simulator.ground;

/**
 * How long an app waits, in simulated time, before reopening a stream that failed or ended: 1 s, doubling
 * to 30 s, back to 1 s once a stream delivers. One per app, shared by its streams. Guarded by the app.
 */
final class ReconnectBackoff {
    static final long MIN_MS = 1000;
    static final long MAX_MS = 30_000;

    private long nextMs = MIN_MS;

    /** The wait before this reopening; the next one waits twice as long, up to the maximum. */
    long next() {
        long b = nextMs;
        nextMs = Math.min(MAX_MS, nextMs * 2);
        return b;
    }

    /** A stream delivered: the link works again. */
    void reset() {
        nextMs = MIN_MS;
    }
}
