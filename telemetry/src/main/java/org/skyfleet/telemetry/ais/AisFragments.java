package org.skyfleet.telemetry.ais;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.skyfleet.telemetry.ais.AisFormatException.Reason;

/**
 * Puts multi-sentence messages back together. Fragments of one message share a source, a sequence id and
 * a channel; they may arrive in any order. Memory is bounded: at most {@code maxPending} messages wait, each
 * for at most {@code maxAge}; the oldest is given up first when a new one needs room. Not thread-safe: one
 * per reading thread (a channel's event loop).
 */
public final class AisFragments {
    private record Key(Object source, String talker, int sequenceId, String channel) {
    }

    private static final class Pending {
        final Instant firstSeen;
        final String[] payloads;
        int fillBits;
        int received;

        Pending(Instant firstSeen, int count) {
            this.firstSeen = firstSeen;
            this.payloads = new String[count];
        }
    }

    /** What became of fragments that never made a message; counted by the caller. */
    public interface Abandoned {
        void abandoned(int messages);
    }

    private final int maxPending;
    private final Duration maxAge;
    private final Abandoned abandoned;
    private final Map<Key, Pending> pending = new LinkedHashMap<>();

    public AisFragments(int maxPending, Duration maxAge, Abandoned abandoned) {
        if (maxPending < 1) {
            throw new IllegalArgumentException("maxPending must be >= 1, got " + maxPending);
        }
        this.maxPending = maxPending;
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.abandoned = abandoned;
    }

    /**
     * Takes one sentence from {@code source}; returns the whole message's payload once its last missing
     * fragment is in, else null.
     *
     * @throws AisFormatException if the fragment contradicts the message it belongs to (another count, a
     *                            number seen twice with other content)
     */
    public SixBitPayload accept(Object source, NmeaSentence s, Instant now) throws AisFormatException {
        if (s.fragmentCount() == 1) {
            return SixBitPayload.of(s.payload(), s.fillBits());
        }
        expire(now);
        Key key = new Key(source, s.talker(), s.sequenceId(), s.channel());
        Pending p = pending.get(key);
        if (p != null && p.payloads.length != s.fragmentCount()) {
            pending.remove(key);
            abandoned.abandoned(1);
            throw new AisFormatException(Reason.BAD_FRAGMENT, "fragment of " + s.fragmentCount()
                    + " where a message of " + p.payloads.length + " was being assembled");
        }
        if (p != null && p.payloads[s.fragmentNumber() - 1] != null) {
            // the same sequence id reused before the last message finished: that one is lost, start again
            pending.remove(key);
            abandoned.abandoned(1);
            p = null;
        }
        if (p == null) {
            if (pending.size() >= maxPending) {
                Iterator<Pending> oldest = pending.values().iterator();
                oldest.next();
                oldest.remove();
                abandoned.abandoned(1);
            }
            p = new Pending(now, s.fragmentCount());
            pending.put(key, p);
        }
        p.payloads[s.fragmentNumber() - 1] = s.payload();
        p.received++;
        if (s.fragmentNumber() == s.fragmentCount()) {
            p.fillBits = s.fillBits();
        }
        if (p.received < p.payloads.length) {
            return null;
        }
        pending.remove(key);
        return SixBitPayload.of(String.join("", p.payloads), p.fillBits);
    }

    /** Messages still waiting for fragments. */
    public int pendingCount() {
        return pending.size();
    }

    private void expire(Instant now) {
        Instant cutoff = now.minus(maxAge);
        Iterator<Pending> it = pending.values().iterator();
        int expired = 0;
        while (it.hasNext()) {
            if (!it.next().firstSeen.isBefore(cutoff)) {
                break; // insertion order is age order
            }
            it.remove();
            expired++;
        }
        if (expired > 0) {
            abandoned.abandoned(expired);
        }
    }
}
