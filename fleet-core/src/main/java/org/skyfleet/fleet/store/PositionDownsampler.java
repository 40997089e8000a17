package org.skyfleet.fleet.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps at most one position sample per vehicle per interval (1 s gives 1 Hz) in front of a
 * {@link PositionHistoryStore}, so a vehicle reporting at 10 Hz costs a tenth of the writes.
 *
 * <p>A sample is kept when it is at least one interval after the last sample kept for its vehicle; the
 * first sample of a vehicle is always kept; a sample older than the last kept one (out of order) is
 * dropped. Times are the samples' own, so no clock is needed. After a restart the first sample of each
 * vehicle is kept again, which may put two samples less than one interval apart across the restart.
 */
public final class PositionDownsampler implements PositionHistoryStore {
    private final PositionHistoryStore delegate;
    private final Duration interval;
    private final Map<String, Instant> lastKept = new ConcurrentHashMap<>();

    /** @param interval the least time between two kept samples of one vehicle, > 0 */
    public PositionDownsampler(PositionHistoryStore delegate, Duration interval) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("down-sampling interval must be > 0, got " + interval);
        }
        this.interval = interval;
    }

    /** One sample per vehicle per second. */
    public static PositionDownsampler oneHertz(PositionHistoryStore delegate) {
        return new PositionDownsampler(delegate, Duration.ofSeconds(1));
    }

    @Override
    public void append(String vehicleId, Instant time, double latDeg, double lonDeg, double altAmslM) {
        if (keep(vehicleId, time)) {
            delegate.append(vehicleId, time, latDeg, lonDeg, altAmslM);
        }
    }

    /** Decides for one sample and, if kept, remembers its time; atomic per vehicle. */
    boolean keep(String vehicleId, Instant time) {
        boolean[] kept = {false};
        lastKept.compute(vehicleId, (id, last) -> {
            if (last == null || !time.isBefore(last.plus(interval))) {
                kept[0] = true;
                return time;
            }
            return last;
        });
        return kept[0];
    }

    @Override
    public List<PositionSample> replay(String vehicleId, Instant from, Instant to) {
        return delegate.replay(vehicleId, from, to);
    }

    @Override
    public long pruneBefore(Instant cutoff) {
        return delegate.pruneBefore(cutoff);
    }
}
