package org.skyfleet.fleet.geofence;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock tests move by hand. */
final class TestClock implements InstantSource {
    private Instant now;

    TestClock(Instant start) {
        now = start;
    }

    @Override
    public Instant instant() {
        return now;
    }

    void set(Instant t) {
        now = t;
    }

    void advance(Duration d) {
        now = now.plus(d);
    }
}
