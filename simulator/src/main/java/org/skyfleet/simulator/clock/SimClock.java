package org.skyfleet.simulator.clock;

/**
 * Simulated time: milliseconds since the simulation started, advanced in fixed steps by whoever drives
 * the simulation (a {@link RealTimePacer} or a test). Wall-clock stamps (signing timestamps, sighting
 * reports) are the injected epoch start plus simulated time, so a seeded run stamps the same values.
 */
public final class SimClock {
    /** The simulation's fixed step: physics, protocol timers and telemetry are evaluated every 10 ms. */
    public static final long STEP_MS = 10;

    private final long epochStartMs;
    private volatile long nowMs;

    public SimClock(long epochStartMs) {
        this.epochStartMs = epochStartMs;
    }

    /** Simulated milliseconds since the start. */
    public long nowMs() {
        return nowMs;
    }

    /** Simulated wall-clock time, epoch milliseconds. */
    public long epochMs() {
        return epochStartMs + nowMs;
    }

    /** Moves simulated time on by one {@link #STEP_MS}. */
    public void step() {
        nowMs += STEP_MS;
    }
}
