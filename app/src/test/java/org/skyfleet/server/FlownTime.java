package org.skyfleet.server;

import java.time.Instant;
import java.time.InstantSource;
import org.skyfleet.simulator.Simulation;

/**
 * A server clock for end-to-end tests that run the simulation faster than real time: the wall clock until
 * {@link #follow} is given the simulation, then the simulation's own time (which starts from the wall clock).
 * The server's timers, battery estimates and the search map's diffusion then follow what was flown, however far
 * a loaded machine lets the simulation fall behind its time scale; on the wall clock they drifted apart.
 */
public final class FlownTime implements InstantSource {
    private volatile Simulation sim;

    /** From now on, the time is {@code simulation}'s. */
    public void follow(Simulation simulation) {
        this.sim = simulation;
    }

    @Override
    public Instant instant() {
        Simulation s = sim;
        return s == null ? Instant.now() : Instant.ofEpochMilli(s.epochMs());
    }
}
