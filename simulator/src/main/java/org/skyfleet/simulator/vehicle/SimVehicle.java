package org.skyfleet.simulator.vehicle;

import org.skyfleet.simulator.world.LocalFrame;

/**
 * One simulated vehicle's body: where it is in the world's local frame (metres east and north of the
 * world origin, metres above its home), how it moves, its battery and its GPS. Its autopilot decides
 * the {@link Setpoint}; {@link #advance} moves the body towards it within the vehicle's limits.
 * Mutated only by the simulation thread.
 */
public final class SimVehicle {
    private final String name;
    private final int systemId;
    private final VehicleSpec spec;
    private final LocalFrame frame;
    private final double homeEastM;
    private final double homeNorthM;
    private final double homeAltAmslM;
    private final Battery battery;
    private final Gps gps;
    final MotionState motion;

    public SimVehicle(String name, int systemId, VehicleSpec spec, LocalFrame frame, double homeEastM,
                      double homeNorthM, double homeAltAmslM, double startBatteryPercent, long seed) {
        if (systemId < 1 || systemId > 254) {
            throw new IllegalArgumentException("system id must be 1..254, got " + systemId);
        }
        this.name = name;
        this.systemId = systemId;
        this.spec = spec;
        this.frame = frame;
        this.homeEastM = homeEastM;
        this.homeNorthM = homeNorthM;
        this.homeAltAmslM = homeAltAmslM;
        this.battery = new Battery(spec.enduranceS(), startBatteryPercent);
        this.gps = new Gps(0.5, seed);
        this.motion = new MotionState(homeEastM, homeNorthM);
    }

    /** Places the vehicle in the air (or, for a rover, on the ground) at a point, at rest. */
    public void placeAt(double eastM, double northM, double upM) {
        motion.eastM = eastM;
        motion.northM = northM;
        motion.upM = spec.flies() ? Math.max(0, upM) : 0;
        motion.airborne = motion.upM > 0;
    }

    /** Moves the body on by {@code dtS} towards {@code setpoint} (null: stop), pushed by the wind. */
    public void advance(Setpoint setpoint, boolean armed, double windEastMps, double windNorthMps, double dtS) {
        if (spec.flies()) {
            CopterDynamics.step(spec, motion, armed ? setpoint : null, windEastMps, windNorthMps, dtS);
        } else {
            RoverDynamics.step(spec, motion, armed ? setpoint : null, dtS);
        }
        double airspeed = spec.flies() ? Math.hypot(motion.airVelEastMps, motion.airVelNorthMps) : Math.abs(motion.speedMps);
        battery.drain(spec.kind(), armed, motion.airborne, airspeed, motion.climbMps, spec.cruiseSpeedMps(), dtS);
    }

    /** Position as the GPS measures it: {latDeg, lonDeg}. */
    public double[] measuredLatLonDeg() {
        double[] en = gps.measure(motion.eastM, motion.northM);
        return new double[] {frame.latDeg(en[1]), frame.lonDeg(en[0])};
    }

    public double eastM() {
        return motion.eastM;
    }

    public double northM() {
        return motion.northM;
    }

    /** Height above home, metres; 0 on the ground. */
    public double altitudeRelM() {
        return motion.upM;
    }

    public double altitudeAmslM() {
        return homeAltAmslM + motion.upM;
    }

    public boolean airborne() {
        return motion.airborne;
    }

    public double velocityEastMps() {
        return motion.groundVelEastMps;
    }

    public double velocityNorthMps() {
        return motion.groundVelNorthMps;
    }

    public double climbMps() {
        return motion.climbMps;
    }

    public double groundSpeedMps() {
        return Math.hypot(motion.groundVelEastMps, motion.groundVelNorthMps);
    }

    public double airspeedMps() {
        return spec.flies() ? Math.hypot(motion.airVelEastMps, motion.airVelNorthMps) : groundSpeedMps();
    }

    /** Heading, degrees clockwise from north, 0..360. */
    public double headingDeg() {
        return ((motion.headingDeg % 360) + 360) % 360;
    }

    public double distanceFromHomeM() {
        return Math.hypot(motion.eastM - homeEastM, motion.northM - homeNorthM);
    }

    public String name() {
        return name;
    }

    public int systemId() {
        return systemId;
    }

    public SimVehicleKind kind() {
        return spec.kind();
    }

    public AutopilotFlavour flavour() {
        return spec.flavour();
    }

    public VehicleSpec spec() {
        return spec;
    }

    public LocalFrame frame() {
        return frame;
    }

    public double homeEastM() {
        return homeEastM;
    }

    public double homeNorthM() {
        return homeNorthM;
    }

    public double homeAltAmslM() {
        return homeAltAmslM;
    }

    public Battery battery() {
        return battery;
    }

    public double batteryPercent() {
        return battery.percent();
    }

    public Gps gps() {
        return gps;
    }
}
