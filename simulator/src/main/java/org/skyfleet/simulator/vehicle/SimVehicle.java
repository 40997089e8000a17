package org.skyfleet.simulator.vehicle;

import java.util.Random;
import org.skyfleet.simulator.world.LocalFrame;

/**
 * One simulated vehicle's physical state: it moves along its loop path at a constant speed, its
 * battery drains with time in motion, and its GPS position carries seeded noise. Mutated only by the
 * simulation thread.
 */
public final class SimVehicle {
    private final String name;
    private final int systemId;
    private final SimVehicleKind kind;
    private final AutopilotFlavour flavour;
    private final LocalFrame frame;
    private final LoopPath path;
    private final double speedMps;
    private final double altitudeM;
    private final double homeAltAmslM;
    private final double drainPercentPerS;
    private final double gpsNoiseM;
    private final Random random;
    private double distanceM;
    private double batteryPercent;

    public SimVehicle(String name, int systemId, SimVehicleKind kind, AutopilotFlavour flavour, LocalFrame frame,
                      LoopPath path, double speedMps, double altitudeM, double homeAltAmslM, double enduranceS,
                      double startDistanceM, long seed) {
        if (systemId < 1 || systemId > 254) {
            throw new IllegalArgumentException("system id must be 1..254, got " + systemId);
        }
        if (!(enduranceS > 0) || !(speedMps >= 0)) {
            throw new IllegalArgumentException("endurance must be > 0 s and speed >= 0 m/s");
        }
        this.name = name;
        this.systemId = systemId;
        this.kind = kind;
        this.flavour = flavour;
        this.frame = frame;
        this.path = path;
        this.speedMps = speedMps;
        this.altitudeM = kind == SimVehicleKind.GROUND_ROVER ? 0 : altitudeM;
        this.homeAltAmslM = homeAltAmslM;
        this.drainPercentPerS = 100.0 / enduranceS;
        this.gpsNoiseM = 0.5;
        this.random = new Random(seed);
        this.distanceM = startDistanceM;
        this.batteryPercent = 100;
    }

    /** Moves the vehicle on by {@code dtS} seconds. */
    public void advance(double dtS) {
        distanceM += speedMps * dtS;
        batteryPercent = Math.max(0, batteryPercent - drainPercentPerS * dtS);
    }

    /** Position with GPS noise: {latDeg, lonDeg}. */
    public double[] measuredLatLonDeg() {
        double[] en = path.positionAt(distanceM);
        double east = en[0] + random.nextGaussian() * gpsNoiseM;
        double north = en[1] + random.nextGaussian() * gpsNoiseM;
        return new double[] {frame.latDeg(north), frame.lonDeg(east)};
    }

    /** True position without noise: {east, north} in metres from home. */
    public double[] truePositionEastNorthM() {
        return path.positionAt(distanceM);
    }

    public double headingDeg() {
        return path.headingDegAt(distanceM);
    }

    public double velocityNorthMps() {
        return speedMps * Math.cos(Math.toRadians(headingDeg()));
    }

    public double velocityEastMps() {
        return speedMps * Math.sin(Math.toRadians(headingDeg()));
    }

    public String name() {
        return name;
    }

    public int systemId() {
        return systemId;
    }

    public SimVehicleKind kind() {
        return kind;
    }

    public AutopilotFlavour flavour() {
        return flavour;
    }

    public LocalFrame frame() {
        return frame;
    }

    public double speedMps() {
        return speedMps;
    }

    public double altitudeRelM() {
        return altitudeM;
    }

    public double altitudeAmslM() {
        return homeAltAmslM + altitudeM;
    }

    public double homeAltAmslM() {
        return homeAltAmslM;
    }

    public double batteryPercent() {
        return batteryPercent;
    }
}
