package org.skyfleet.fleet.fusion;

import java.util.Objects;
import java.util.Optional;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * Tuning of a {@link Tracker}.
 *
 * @param origin origin of the local east/north frame; empty anchors it at the first sighting
 * @param gateChiSquare association gate on the squared Mahalanobis distance (chi-square, 2 dof);
 *     9.21 keeps 99% of true associations
 * @param maxLatenessMs a sighting older than the newest one seen by more than this is dropped, ms
 * @param tentativeTimeoutMs a tentative track without update for longer is dropped, ms
 * @param confirmedTimeoutMs a confirmed track without update for longer is dropped, ms
 * @param confirmHits weighted hits within the window that confirm a track (see {@link TrackEvidence})
 * @param confirmWindowMs the sliding window for counting hits, ms
 */
public record TrackerConfig(Optional<GeoPoint> origin, double gateChiSquare, long maxLatenessMs,
        long tentativeTimeoutMs, long confirmedTimeoutMs, double confirmHits, long confirmWindowMs) {

    public static final double CHI2_2DOF_99 = 9.21;

    public TrackerConfig {
        Objects.requireNonNull(origin, "origin: use Optional.empty()");
        if (!(gateChiSquare > 0) || !(confirmHits > 0)) {
            throw new IllegalArgumentException("gateChiSquare and confirmHits must be > 0");
        }
        if (maxLatenessMs < 0 || tentativeTimeoutMs <= 0 || confirmedTimeoutMs <= 0 || confirmWindowMs <= 0) {
            throw new IllegalArgumentException("maxLatenessMs must be >= 0 and the timeouts and window > 0");
        }
    }

    /**
     * Defaults for people and vehicles seen by drones every few seconds to tens of seconds: 99% gate, 5 s
     * lateness, tentative tracks kept 60 s and confirmed ones 10 min, 3 hits within 3 min to confirm.
     */
    public static TrackerConfig defaults() {
        return new TrackerConfig(Optional.empty(), CHI2_2DOF_99, 5_000, 60_000, 600_000, 3.0, 180_000);
    }

    /** These settings with a fixed frame origin (e.g. the incident's command post). */
    public TrackerConfig withOrigin(GeoPoint newOrigin) {
        return new TrackerConfig(Optional.of(newOrigin), gateChiSquare, maxLatenessMs, tentativeTimeoutMs,
                confirmedTimeoutMs, confirmHits, confirmWindowMs);
    }
}
