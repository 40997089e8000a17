package org.skyfleet.simulator.sensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.skyfleet.simulator.world.people.Target;

/**
 * One look of a ground robot's forward camera and its detector, in a local east/north frame (metres). The camera
 * looks ahead, level, from {@link #CAMERA_HEIGHT_M} above the ground: its footprint is the horizontal sector in front
 * of the robot within half the horizontal field of view either side of the heading, out to {@link #MAX_RANGE_M}
 * (beyond that, street furniture, parked cars and passers-by hide a person more often than not). A target inside it
 * is detected with the preset's probability for the range (the same Johnson's-criteria model as the drones'
 * {@link NadirDetector}); false positives appear at the given rate, uniform in the sector, confidence 0.2-0.5. Each
 * detection is displaced by a Gaussian error of one sigma = 1 m + 2 % of the range (a level camera's range estimate
 * is worse than a nadir camera's ground projection). Closer than {@link #MIN_RANGE_M} the camera sees only legs.
 *
 * <p>Draws come from the given generator in a fixed order (per target: detected?, then its error; then false
 * positive?, its place, confidence and error), so a seed replays a run.
 */
public final class ForwardDetector {
    static final double CAMERA_HEIGHT_M = 1.2;
    static final double MAX_RANGE_M = 40;
    static final double MIN_RANGE_M = 1;

    private final CameraPreset preset;
    private final double falsePositivesPerMin;
    private final Random random;

    public ForwardDetector(CameraPreset preset, double falsePositivesPerMin, Random random) {
        this.preset = preset;
        this.falsePositivesPerMin = falsePositivesPerMin;
        this.random = random;
    }

    /** One look from (east, north), the camera on {@code headingDeg}. */
    public List<NadirDetector.Detection> look(double eastM, double northM, double headingDeg, List<Target> targets,
                                              double canopyCover, boolean night) {
        List<NadirDetector.Detection> out = new ArrayList<>(1);
        double h = Math.toRadians(headingDeg);
        double halfFovRad = Math.toRadians(preset.hfovDeg() / 2);
        for (Target t : targets) {
            double de = t.eastM() - eastM;
            double dn = t.northM() - northM;
            double forward = de * Math.sin(h) + dn * Math.cos(h);
            double right = de * Math.cos(h) - dn * Math.sin(h);
            double range = Math.hypot(forward, right);
            if (forward <= 0 || range < MIN_RANGE_M || range > MAX_RANGE_M || Math.abs(Math.atan2(right, forward)) > halfFovRad) {
                continue;
            }
            double p = preset.detectionProbability(range, canopyCover, night);
            if (random.nextDouble() < p) {
                out.add(detection(t.eastM(), t.northM(), range, p, t.id()));
            }
        }
        if (random.nextDouble() < falsePositivesPerMin * NadirDetector.LOOK_INTERVAL_MS / 60_000.0) {
            double range = MIN_RANGE_M + (MAX_RANGE_M - MIN_RANGE_M) * random.nextDouble();
            double bearing = h + (2 * random.nextDouble() - 1) * halfFovRad;
            out.add(detection(eastM + range * Math.sin(bearing), northM + range * Math.cos(bearing), range,
                    0.2 + 0.3 * random.nextDouble(), null));
        }
        return out;
    }

    private NadirDetector.Detection detection(double e, double n, double rangeM, double confidence, String truthId) {
        double sigma = 1 + 0.02 * rangeM;
        double re = e + sigma * random.nextGaussian();
        double rn = n + sigma * random.nextGaussian();
        return new NadirDetector.Detection(re, rn, sigma, Math.hypot(rangeM, CAMERA_HEIGHT_M), confidence, truthId);
    }
}
