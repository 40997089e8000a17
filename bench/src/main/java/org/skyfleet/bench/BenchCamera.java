package org.skyfleet.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.skyfleet.simulator.sensor.CameraPreset;

/**
 * A drone's nadir camera and detector, for the search benchmark. This mirrors
 * {@code org.skyfleet.simulator.sensor.Camera.look} rule for rule (that class needs a {@code SimVehicle} and
 * a {@code SimClock}, which the kinematic benchmark drones are not): it looks once a second from 5 m up;
 * the subject is a candidate when inside the footprint (field of view on flat ground, turned with the
 * heading) and is detected with {@link CameraPreset#detectionProbability}; one false positive per look with
 * probability falsePositivesPerMin / 60, uniform in the footprint, confidence 0.2–0.5; every report is
 * displaced by a Gaussian error of one sigma = 1.5 m + 1 % of the slant range. Same order of draws.
 */
final class BenchCamera {
    private static final double MIN_ALT_M = 5;

    /** One report, positions in metres east/north of the LKP. */
    record Report(double eastM, double northM, double sigmaM, double confidence, boolean ofSubject) {}

    private final CameraPreset preset;
    private final double falsePositivesPerMin;
    private final Random random;

    BenchCamera(CameraPreset preset, double falsePositivesPerMin, long seed) {
        this.preset = preset;
        this.falsePositivesPerMin = falsePositivesPerMin;
        this.random = new Random(seed);
    }

    /** One look from (east, north, alt) with the nose on headingDeg; the subject at (subjectE, subjectN). */
    List<Report> look(double eastM, double northM, double altM, double headingDeg, double subjectE, double subjectN,
                      double canopyCover, boolean night) {
        List<Report> out = new ArrayList<>(1);
        if (altM < MIN_ALT_M) {
            return out;
        }
        double halfWidthM = altM * Math.tan(Math.toRadians(preset.hfovDeg() / 2));
        double halfHeightM = altM * Math.tan(Math.toRadians(preset.vfovDeg() / 2));
        double h = Math.toRadians(headingDeg);
        double de = subjectE - eastM, dn = subjectN - northM;
        double forward = de * Math.sin(h) + dn * Math.cos(h);
        double right = de * Math.cos(h) - dn * Math.sin(h);
        if (Math.abs(forward) <= halfHeightM && Math.abs(right) <= halfWidthM) {
            double range = Math.sqrt(de * de + dn * dn + altM * altM);
            double p = preset.detectionProbability(range, canopyCover, night);
            if (random.nextDouble() < p) {
                out.add(report(subjectE, subjectN, range, p, true));
            }
        }
        if (random.nextDouble() < falsePositivesPerMin / 60.0) {
            double f = (2 * random.nextDouble() - 1) * halfHeightM;
            double r = (2 * random.nextDouble() - 1) * halfWidthM;
            double e = eastM + f * Math.sin(h) + r * Math.cos(h);
            double n = northM + f * Math.cos(h) - r * Math.sin(h);
            double range = Math.sqrt(f * f + r * r + altM * altM);
            out.add(report(e, n, range, 0.2 + 0.3 * random.nextDouble(), false));
        }
        return out;
    }

    private Report report(double e, double n, double rangeM, double confidence, boolean ofSubject) {
        double sigma = 1.5 + 0.01 * rangeM;
        return new Report(e + sigma * random.nextGaussian(), n + sigma * random.nextGaussian(), sigma, confidence,
                ofSubject);
    }
}
