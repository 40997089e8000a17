package org.skyfleet.simulator.world;

import java.util.Random;

/**
 * The wind over the area: a mean wind blowing from {@code fromDeg} at {@code speedMps}, plus gusts as an
 * Ornstein-Uhlenbeck process per axis (standard deviation {@code gustMps}, 5 s correlation time), from a
 * seeded generator. One wind for the whole area; vehicles feel it as it is at this step.
 */
public final class Wind {
    private static final double GUST_TAU_S = 5.0;

    private final double meanEastMps;
    private final double meanNorthMps;
    private final double gustMps;
    private final Random random;
    private double gustEastMps;
    private double gustNorthMps;

    public Wind(double speedMps, double fromDeg, double gustMps, long seed) {
        if (!(speedMps >= 0 && gustMps >= 0)) {
            throw new IllegalArgumentException("wind speed and gusts must be >= 0 m/s");
        }
        double toRad = Math.toRadians(fromDeg + 180);
        this.meanEastMps = speedMps * Math.sin(toRad);
        this.meanNorthMps = speedMps * Math.cos(toRad);
        this.gustMps = gustMps;
        this.random = new Random(seed);
    }

    public static Wind calm() {
        return new Wind(0, 0, 0, 0);
    }

    /** Advances the gusts by {@code dtS}: x += -x dt/tau + sigma sqrt(2 dt/tau) N(0,1). */
    public void step(double dtS) {
        if (gustMps == 0) {
            return;
        }
        double k = dtS / GUST_TAU_S;
        double s = gustMps * Math.sqrt(2 * k);
        gustEastMps += -gustEastMps * k + s * random.nextGaussian();
        gustNorthMps += -gustNorthMps * k + s * random.nextGaussian();
    }

    public double eastMps() {
        return meanEastMps + gustEastMps;
    }

    public double northMps() {
        return meanNorthMps + gustNorthMps;
    }
}
