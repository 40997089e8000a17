package org.skyfleet.fleet.store;

import java.time.Instant;
import java.util.List;

/** Each vehicle's track over time, for replay and after-action review. */
public interface PositionHistoryStore {
    /**
     * Stores one sample. A second sample for the same vehicle and time replaces nothing and is ignored.
     *
     * @param latDeg   WGS84, -90..90
     * @param lonDeg   WGS84, -180..180
     * @param altAmslM metres above mean sea level
     */
    void append(String vehicleId, Instant time, double latDeg, double lonDeg, double altAmslM);

    /**
     * Stores samples of any vehicles in one write: all or none. Repeated samples are ignored as by
     * {@link #append}.
     */
    default void appendAll(List<PositionSample> samples) {
        for (PositionSample s : samples) {
            append(s.vehicleId(), s.time(), s.latDeg(), s.lonDeg(), s.altAmslM());
        }
    }

    /** The vehicle's samples with {@code from <= time < to}, oldest first. */
    List<PositionSample> replay(String vehicleId, Instant from, Instant to);

    /**
     * Forgets every sample, of any vehicle, with {@code time < cutoff}: history is kept for a bounded time.
     *
     * @return how many samples were removed
     */
    long pruneBefore(Instant cutoff);
}
