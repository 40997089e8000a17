package org.skyfleet.fleet.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.skyfleet.fleet.gate.GateCrossing;
import org.skyfleet.fleet.gate.GateCrossingStore;

/** Gate crossings in memory, ordered by time, under the {@link InMemoryStore}'s one lock. */
final class InMemoryGateCrossingStore implements GateCrossingStore {
    private static final java.util.Comparator<GateCrossing> ORDER = java.util.Comparator.comparing(GateCrossing::time)
            .thenComparing(GateCrossing::gateId).thenComparing(GateCrossing::kind).thenComparing(GateCrossing::subjectId)
            .thenComparing(GateCrossing::direction);

    private final Object lock;
    private final TreeSet<GateCrossing> crossings = new TreeSet<>(ORDER);

    InMemoryGateCrossingStore(Object lock) {
        this.lock = lock;
    }

    @Override
    public void append(List<GateCrossing> batch) {
        synchronized (lock) {
            crossings.addAll(batch);
        }
    }

    @Override
    public List<GateCrossing> since(Instant from) {
        synchronized (lock) {
            List<GateCrossing> out = new ArrayList<>();
            for (GateCrossing c : crossings) {
                if (!c.time().isBefore(from)) {
                    out.add(c);
                }
            }
            return out;
        }
    }

    @Override
    public int deleteBefore(Instant cutoff) {
        synchronized (lock) {
            int before = crossings.size();
            crossings.removeIf(c -> c.time().isBefore(cutoff));
            return before - crossings.size();
        }
    }
}
