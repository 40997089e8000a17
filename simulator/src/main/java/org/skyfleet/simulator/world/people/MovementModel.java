package org.skyfleet.simulator.world.people;

import java.util.Random;

/** How a target moves: one step of {@code dtS} seconds, drawing from the target's seeded generator. */
public interface MovementModel {

    void step(Target t, double dtS, Random random);

    /** Stays where it is. */
    static MovementModel stationary() {
        return (t, dtS, random) -> { };
    }
}
