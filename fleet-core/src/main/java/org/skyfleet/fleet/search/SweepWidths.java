package org.skyfleet.fleet.search;

/**
 * Effective sweep width W of a drone camera for a person on the ground, by sensor and light, as a share of the
 * imaged swath: W = share · footprint width. W feeds {@link Detection} (W / s) and the allocators.
 *
 * <p>No published sweep width for small-drone cameras over a person was verified (the SAR sweep-width tables,
 * e.g. Koester, Cooper, Frost et al. 2004 "Sweep width estimation for ground search and rescue", are for
 * searchers on foot), so every figure here is an engineering assumption, to be replaced by field trials:
 * <ul>
 *   <li>visual by day 0.60: the figure the search profile has always used for a person under mixed woodland
 *       canopy;</li>
 *   <li>visual at night 0.05: without light the camera sees next to nothing (IR illuminators reach tens of
 *       metres, not 60 m down through canopy);</li>
 *   <li>thermal at night 0.60: best contrast of a warm body against cooled ground, canopy still hides half;</li>
 *   <li>thermal by day 0.45: sun-warmed ground and rock narrow the contrast, so less than at night.</li>
 * </ul>
 */
public final class SweepWidths {
    /** The camera's sensing. */
    public enum Sensor { VISUAL, THERMAL }

    private SweepWidths() {}

    /** W / swath width, 0..1 (an engineering assumption: see the class comment). */
    public static double share(Sensor sensor, boolean night) {
        return switch (sensor) {
            case VISUAL -> night ? 0.05 : 0.60;
            case THERMAL -> night ? 0.60 : 0.45;
        };
    }

    /** W, metres, for a camera imaging {@code footprintWidthM} across track. */
    public static double effectiveSweepWidthM(Sensor sensor, boolean night, double footprintWidthM) {
        return share(sensor, night) * footprintWidthM;
    }
}
