package org.skyfleet.server.sighting;

import org.skyfleet.fleet.fusion.TrackerConfig;

/** The tracker as the server runs it for drone searches; the search benchmark tracks with the same settings. */
public final class TrackerTuning {
    /**
     * A person under a passing camera gives two or three detections within seconds and more on the next
     * sweep; a detector's false alarms come about once a minute per drone, scattered along its path.
     * Three hits within 90 s keeps the first and mostly rejects the second.
     */
    public static final long CONFIRM_WINDOW_MS = 90_000;

    private TrackerTuning() {
    }

    /** {@link TrackerConfig#defaults()} with the search confirm window. */
    public static TrackerConfig forSearches() {
        TrackerConfig d = TrackerConfig.defaults();
        return new TrackerConfig(d.origin(), d.gateChiSquare(), d.maxLatenessMs(), d.tentativeTimeoutMs(),
                d.confirmedTimeoutMs(), d.confirmHits(), CONFIRM_WINDOW_MS);
    }
}
