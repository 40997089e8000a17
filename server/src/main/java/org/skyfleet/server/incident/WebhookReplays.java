package org.skyfleet.server.incident;

import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The delivery signatures seen while they could still be accepted, so that a delivery sent again is
 * refused. A signature with timestamp {@code t} is valid until {@code t + tolerance}; it is remembered
 * until then and forgotten after. The memory is bounded: when {@code capacity} signatures are still
 * valid, a new one is refused ({@link Admission#FULL}) rather than the memory grown, or an old signature
 * forgotten early (which would let its replay through).
 */
public final class WebhookReplays {
    /** What became of a signature. */
    public enum Admission {
        /** first seen: remembered until it expires */
        ADMITTED,
        /** seen before and not yet expired */
        REPLAY,
        /** not seen, but no room to remember it */
        FULL
    }

    private record Seen(Instant expires, String signature) {
    }

    private final InstantSource clock;
    private final int capacity;
    private final Map<String, Instant> seen = new HashMap<>();
    private final PriorityQueue<Seen> byExpiry = new PriorityQueue<>((a, b) -> a.expires().compareTo(b.expires()));

    /** @param capacity how many valid signatures may be remembered at once; at least 1 */
    public WebhookReplays(InstantSource clock, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.clock = clock;
        this.capacity = capacity;
    }

    /**
     * Remembers {@code signature} until {@code expires} unless it was seen before.
     *
     * @param expires when the signature stops being accepted anyway (its timestamp plus the tolerance)
     */
    public synchronized Admission admit(String signature, Instant expires) {
        Instant now = clock.instant();
        while (!byExpiry.isEmpty() && byExpiry.peek().expires().isBefore(now)) {
            Seen old = byExpiry.poll();
            seen.remove(old.signature(), old.expires());
        }
        if (seen.containsKey(signature)) {
            return Admission.REPLAY;
        }
        if (seen.size() >= capacity) {
            return Admission.FULL;
        }
        seen.put(signature, expires);
        byExpiry.add(new Seen(expires, signature));
        return Admission.ADMITTED;
    }

    /** Forgets {@code signature}: the delivery it came with was not taken (the records were away), so it may come again. */
    public synchronized void forget(String signature) {
        Instant expires = seen.remove(signature);
        if (expires != null) {
            byExpiry.remove(new Seen(expires, signature));
        }
    }

    /** How many signatures are remembered now, expired ones not yet dropped included. */
    public synchronized int size() {
        return seen.size();
    }
}
