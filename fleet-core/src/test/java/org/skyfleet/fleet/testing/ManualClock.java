package org.skyfleet.fleet.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock tests move by hand; one instance may be shared by the threads and nodes of a test. */
public final class ManualClock implements InstantSource {
    private volatile Instant now;

    /** Starts at a fixed evening, so tests that do not care about the date get the same one. */
    public ManualClock() {
        this(Instant.parse("2026-11-23T20:00:00Z"));
    }

    public ManualClock(Instant start) {
        this.now = start;
    }

    @Override
    public Instant instant() {
        return now;
    }

    public void set(Instant t) {
        now = t;
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }
}
