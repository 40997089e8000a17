package org.skyfleet.server.response;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** The latest wind reported to the server; forgotten after an hour (the weather has changed since). */
final class WindReports {
    static final Duration FRESH_FOR = Duration.ofHours(1);

    private final InstantSource clock;
    private volatile double windMps = Double.NaN;
    private volatile Instant at = Instant.MIN;

    WindReports(InstantSource clock) {
        this.clock = clock;
    }

    /** @throws IllegalArgumentException for a wind outside 0..60 m/s */
    void report(double mps) {
        if (!(mps >= 0 && mps <= 60)) {
            throw new IllegalArgumentException("wind_speed_m_s must be 0..60, got " + mps);
        }
        windMps = mps;
        at = clock.instant();
    }

    /** The latest report if fresh, else NaN. */
    double windMps() {
        Instant when = at;
        return when.equals(Instant.MIN) || clock.instant().isAfter(when.plus(FRESH_FOR)) ? Double.NaN : windMps;
    }
}
