package org.skyfleet.simulator.sensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.skyfleet.simulator.world.people.Target;

/**
 * One look of a drone's nadir camera and its detector, in a local east/north frame (metres). Every target
 * inside the footprint (the field of view projected on flat ground, turned with the heading) is detected
 * with the preset's probability for the slant range; a false positive appears with probability
 * {@code falsePositivesPerMin} per minute of looks, uniform in the footprint, confidence 0.2–0.5. Each
 * detection is displaced by a Gaussian error of one sigma = 1.5 m + 1 % of the slant range. Below 5 m the
 * camera sees nothing (it is looking at the pad).
 *
 * <p>Shared by the simulator's {@link Camera} and the search benchmark's drones, which must see the same. All
 * draws come from the given generator in a fixed order (per target: detected?, then its error; then false
 * positive?, its place, confidence and error), so a seed replays a run.
 */
public final class NadirDetector {
    /** A camera looks once a second. */
    public static final long LOOK_INTERVAL_MS = 1000;
    static final double MIN_ALT_M = 5;

    /**
     * One detection.
     *
     * @param truthId the target seen, or null for a false positive
     */
    public record Detection(double eastM, double northM, double sigmaM, double rangeM, double confidence, String truthId) {
    }

    private final CameraPreset preset;
    private final double falsePositivesPerMin;
    private final Random random;

    public NadirDetector(CameraPreset preset, double falsePositivesPerMin, Random random) {
        this.preset = preset;
        this.falsePositivesPerMin = falsePositivesPerMin;
        this.random = random;
    }

    /** One look from (east, north) at {@code altM} above the ground, the nose on {@code headingDeg}. */
    public List<Detection> look(double eastM, double northM, double altM, double headingDeg, List<Target> targets,
                                double canopyCover, boolean night) {
        List<Detection> out = new ArrayList<>(1);
        if (altM < MIN_ALT_M) {
            return out;
        }
        double halfWidthM = altM * Math.tan(Math.toRadians(preset.hfovDeg() / 2));
        double halfHeightM = altM * Math.tan(Math.toRadians(preset.vfovDeg() / 2));
        double h = Math.toRadians(headingDeg);
        for (Target t : targets) {
            double de = t.eastM() - eastM;
            double dn = t.northM() - northM;
            double forward = de * Math.sin(h) + dn * Math.cos(h);
            double right = de * Math.cos(h) - dn * Math.sin(h);
            if (Math.abs(forward) > halfHeightM || Math.abs(right) > halfWidthM) {
                continue;
            }
            double range = Math.sqrt(de * de + dn * dn + altM * altM);
            double p = preset.detectionProbability(range, canopyCover, night);
            if (random.nextDouble() < p) {
                out.add(detection(t.eastM(), t.northM(), range, p, t.id()));
            }
        }
        if (random.nextDouble() < falsePositivesPerMin * LOOK_INTERVAL_MS / 60_000.0) {
            double forward = (2 * random.nextDouble() - 1) * halfHeightM;
            double right = (2 * random.nextDouble() - 1) * halfWidthM;
            double e = eastM + forward * Math.sin(h) + right * Math.cos(h);
            double n = northM + forward * Math.cos(h) - right * Math.sin(h);
            double range = Math.sqrt(forward * forward + right * right + altM * altM);
            out.add(detection(e, n, range, 0.2 + 0.3 * random.nextDouble(), null));
        }
        return out;
    }

    private Detection detection(double e, double n, double rangeM, double confidence, String truthId) {
        double sigma = 1.5 + 0.01 * rangeM;
        double re = e + sigma * random.nextGaussian();
        double rn = n + sigma * random.nextGaussian();
        return new Detection(re, rn, sigma, rangeM, confidence, truthId);
    }
}
