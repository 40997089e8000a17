package org.skyfleet.simulator.vehicle;

import java.util.Random;

/** A GPS receiver: white position noise from a seeded generator, and a fix that a fault can take away. */
public final class Gps {
    private final double noiseM;
    private final Random random;
    private boolean fix = true;

    public Gps(double noiseM, long seed) {
        this.noiseM = noiseM;
        this.random = new Random(seed);
    }

    /** {east, north} as measured, metres. */
    public double[] measure(double eastM, double northM) {
        return new double[] {eastM + random.nextGaussian() * noiseM, northM + random.nextGaussian() * noiseM};
    }

    public boolean hasFix() {
        return fix;
    }

    public void setFix(boolean fix) {
        this.fix = fix;
    }

    public int satellites() {
        return fix ? 14 : 3;
    }

    /** Horizontal dilution, centimetres of eph as GPS_RAW_INT carries it. */
    public int ephCm() {
        return fix ? 80 : 9999;
    }
}
