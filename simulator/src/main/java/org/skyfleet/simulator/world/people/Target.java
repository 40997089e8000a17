package org.skyfleet.simulator.world.people;

import java.util.Random;

/**
 * A person in the world: an id, a position in metres in the local frame, and how they move. The truth
 * the sighting reports are scored against.
 */
public final class Target {
    private final String id;
    private final MovementModel model;
    private final Random random;
    double eastM;
    double northM;
    final double startEastM;
    final double startNorthM;

    public Target(String id, double startEastM, double startNorthM, MovementModel model, long seed) {
        this.id = id;
        this.eastM = startEastM;
        this.northM = startNorthM;
        this.startEastM = startEastM;
        this.startNorthM = startNorthM;
        this.model = model;
        this.random = new Random(seed);
    }

    public void step(double dtS) {
        model.step(this, dtS, random);
    }

    public String id() {
        return id;
    }

    public double eastM() {
        return eastM;
    }

    public double northM() {
        return northM;
    }
}
