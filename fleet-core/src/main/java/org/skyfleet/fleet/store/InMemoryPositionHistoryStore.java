package org.skyfleet.fleet.store;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Position history in memory, under the {@link InMemoryStore}'s one lock. Memory is not a history archive: a
 * demo running for days keeps only the last hour per vehicle.
 */
final class InMemoryPositionHistoryStore implements PositionHistoryStore {
    /** How much position history per vehicle memory keeps, behind its newest sample. */
    static final Duration POSITION_RETENTION = Duration.ofHours(1);

    private final Object lock;
    private final Map<String, TreeMap<Instant, PositionSample>> positions = new LinkedHashMap<>();

    InMemoryPositionHistoryStore(Object lock) {
        this.lock = lock;
    }

    @Override
    public void append(String vehicleId, Instant time, double latDeg, double lonDeg, double altAmslM) {
        synchronized (lock) {
            TreeMap<Instant, PositionSample> samples = positions.computeIfAbsent(vehicleId, v -> new TreeMap<>());
            samples.putIfAbsent(time, new PositionSample(vehicleId, time, latDeg, lonDeg, altAmslM));
            samples.headMap(samples.lastKey().minus(POSITION_RETENTION)).clear();
        }
    }

    @Override
    public List<PositionSample> replay(String vehicleId, Instant from, Instant to) {
        synchronized (lock) {
            TreeMap<Instant, PositionSample> samples = positions.get(vehicleId);
            return samples == null ? List.of() : List.copyOf(samples.subMap(from, true, to, false).values());
        }
    }

    @Override
    public long pruneBefore(Instant cutoff) {
        synchronized (lock) {
            long removed = 0;
            for (var it = positions.values().iterator(); it.hasNext(); ) {
                var old = it.next().headMap(cutoff, false);
                removed += old.size();
                old.clear();
            }
            positions.values().removeIf(java.util.Map::isEmpty);
            return removed;
        }
    }
}
