package org.skyfleet.simulator.sensor;

/**
 * A downward-looking camera's optics and how well it finds a person.
 *
 * <p>The detection model follows Johnson's criteria: a person's critical dimension (0.75 m) spans
 * {@code n = 0.75 / gsd} pixels, where {@code gsd = 2 r tan(hfov/2) / widthPx} is the ground sample
 * distance at slant range {@code r}; the probability of detection per look is
 * {@code pMax (n/n50)^3 / (1 + (n/n50)^3)}, scaled by what the canopy lets through and, for a visual
 * camera, by darkness.
 */
public enum CameraPreset {
    /** A 640x512 radiometric thermal core with a 50 deg lens: sees through darkness, partly through canopy. */
    THERMAL(50, 640, 512, 0.92, 6, 0.5, 1.0),
    /** A 4K visual camera with a 70 deg lens: sharper by day, nearly blind at night and under canopy. */
    VISUAL(70, 4000, 3000, 0.85, 8, 0.1, 0.08);

    private final double hfovDeg;
    private final int widthPx;
    private final int heightPx;
    private final double pMax;
    private final double pixelsFor50Percent;
    private final double canopyPenetration;
    private final double nightFactor;

    CameraPreset(double hfovDeg, int widthPx, int heightPx, double pMax, double pixelsFor50Percent,
                 double canopyPenetration, double nightFactor) {
        this.hfovDeg = hfovDeg;
        this.widthPx = widthPx;
        this.heightPx = heightPx;
        this.pMax = pMax;
        this.pixelsFor50Percent = pixelsFor50Percent;
        this.canopyPenetration = canopyPenetration;
        this.nightFactor = nightFactor;
    }

    public double hfovDeg() {
        return hfovDeg;
    }

    public double vfovDeg() {
        return hfovDeg * heightPx / widthPx;
    }

    /**
     * Probability of detecting a person at slant range {@code rangeM} in one look.
     *
     * @param canopyCover fraction 0..1 of the ground hidden by trees
     */
    public double detectionProbability(double rangeM, double canopyCover, boolean night) {
        if (!(rangeM > 0)) {
            return 0;
        }
        double gsdM = 2 * rangeM * Math.tan(Math.toRadians(hfovDeg / 2)) / widthPx;
        double ratio = Math.pow(0.75 / gsdM / pixelsFor50Percent, 3);
        double p = pMax * ratio / (1 + ratio);
        p *= 1 - canopyCover * (1 - canopyPenetration);
        return night ? p * nightFactor : p;
    }
}
