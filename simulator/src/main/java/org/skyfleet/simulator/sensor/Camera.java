package org.skyfleet.simulator.sensor;

import java.util.List;
import java.util.Random;
import org.skyfleet.simulator.clock.SimClock;
import org.skyfleet.simulator.vehicle.SimVehicle;
import org.skyfleet.simulator.world.people.Target;

/**
 * A drone's nadir camera and its detector, looking once a second: every person inside the footprint
 * (the field of view projected on flat ground, turned with the heading) is detected with the preset's
 * probability for the slant range; false positives appear at {@code falsePositivesPerMin} somewhere in
 * the footprint. A detection is reported with a position error that grows with range (1.5 m + 1% of range,
 * one sigma, drawn from the camera's seeded generator).
 */
public final class Camera {
    private static final long LOOK_INTERVAL_MS = 1000;
    private static final double MIN_ALT_M = 5;

    private final SimVehicle drone;
    private final CameraPreset preset;
    private final double falsePositivesPerMin;
    private final Random random;
    private long nextLookMs;
    private long reports;

    public Camera(SimVehicle drone, CameraPreset preset, double falsePositivesPerMin, long seed) {
        this.drone = drone;
        this.preset = preset;
        this.falsePositivesPerMin = falsePositivesPerMin;
        this.random = new Random(seed);
    }

    /** Looks if a look is due, reporting what it sees to {@code sink}. */
    public void look(SimClock clock, List<Target> targets, double canopyCover, boolean night, DetectionSink sink) {
        if (clock.nowMs() < nextLookMs) {
            return;
        }
        nextLookMs = clock.nowMs() + LOOK_INTERVAL_MS;
        double alt = drone.altitudeRelM();
        if (!drone.airborne() || alt < MIN_ALT_M) {
            return;
        }
        double halfWidthM = alt * Math.tan(Math.toRadians(preset.hfovDeg() / 2));
        double halfHeightM = alt * Math.tan(Math.toRadians(preset.vfovDeg() / 2));
        double h = Math.toRadians(drone.headingDeg());
        for (Target t : targets) {
            double de = t.eastM() - drone.eastM();
            double dn = t.northM() - drone.northM();
            double forward = de * Math.sin(h) + dn * Math.cos(h);
            double right = de * Math.cos(h) - dn * Math.sin(h);
            if (Math.abs(forward) > halfHeightM || Math.abs(right) > halfWidthM) {
                continue;
            }
            double range = Math.sqrt(de * de + dn * dn + alt * alt);
            double p = preset.detectionProbability(range, canopyCover, night);
            if (random.nextDouble() < p) {
                report(clock, t.eastM(), t.northM(), range, p, t.id(), sink);
            }
        }
        if (random.nextDouble() < falsePositivesPerMin * LOOK_INTERVAL_MS / 60_000.0) {
            double forward = (2 * random.nextDouble() - 1) * halfHeightM;
            double right = (2 * random.nextDouble() - 1) * halfWidthM;
            double e = drone.eastM() + forward * Math.sin(h) + right * Math.cos(h);
            double n = drone.northM() + forward * Math.cos(h) - right * Math.sin(h);
            double range = Math.sqrt(forward * forward + right * right + alt * alt);
            report(clock, e, n, range, 0.2 + 0.3 * random.nextDouble(), null, sink);
        }
    }

    private void report(SimClock clock, double e, double n, double rangeM, double confidence, String truthId,
                        DetectionSink sink) {
        double sigma = 1.5 + 0.01 * rangeM;
        double re = e + sigma * random.nextGaussian();
        double rn = n + sigma * random.nextGaussian();
        reports++;
        sink.report(new SightingReport(drone.name() + "-" + reports, drone.name(), clock.epochMs(),
                drone.frame().latDeg(rn), drone.frame().lonDeg(re), sigma, confidence, preset.name(), rangeM, truthId));
    }

    public CameraPreset preset() {
        return preset;
    }

    public SimVehicle drone() {
        return drone;
    }
}
