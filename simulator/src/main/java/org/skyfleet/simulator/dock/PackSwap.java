package org.skyfleet.simulator.dock;

import org.skyfleet.simulator.vehicle.Battery;

/**
 * One battery swap in progress: the pack comes out and a full one goes in {@code swapTimeS} seconds of the
 * vehicle standing still (on the ground, disarmed) after it started; a vehicle that arms or leaves the
 * ground stops the clock, as hands or a swapping arm would stop. Until it completes the vehicle keeps
 * reporting the old pack: the ground station knows the swap is done only from the charge it reports.
 */
public final class PackSwap {
    private final double swapTimeS;
    private double elapsedS;
    private boolean done;

    public PackSwap(double swapTimeS) {
        if (!(swapTimeS >= 0)) {
            throw new IllegalArgumentException("swap time must be >= 0 s, got " + swapTimeS);
        }
        this.swapTimeS = swapTimeS;
    }

    /**
     * Advances the swap by {@code dtS} while the vehicle {@code standsStill}; true on the step the fresh pack goes in
     * (then never again).
     */
    public boolean step(Battery battery, boolean standsStill, double dtS) {
        if (done || !standsStill) {
            return false;
        }
        elapsedS += dtS;
        if (elapsedS + 1e-9 < swapTimeS) {
            return false;
        }
        battery.swapIn();
        done = true;
        return true;
    }

    public boolean done() {
        return done;
    }

    /** Seconds until the fresh pack is in, while the vehicle keeps still. */
    public double remainingS() {
        return done ? 0 : Math.max(0, swapTimeS - elapsedS);
    }
}
