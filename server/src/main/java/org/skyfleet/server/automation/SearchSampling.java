package org.skyfleet.server.automation;

import org.skyfleet.fleet.search.FlownSample;

/**
 * When a drone's position counts as searching, and the sample the search map learns from. Sampled once a
 * second by the automation and by the search benchmark, which must count coverage the same way.
 */
public final class SearchSampling {
    /** Below this height above home a sample is the drone climbing out or landing, not searching. */
    public static final double MIN_SEARCH_ALT_M = 15;

    private SearchSampling() {
    }

    /** Searching: at search height or above, with the search mission in its flying state. */
    public static boolean searching(double altRelM, boolean missionFlying) {
        return altRelM >= MIN_SEARCH_ALT_M && missionFlying;
    }

    /**
     * The sample for one position. A sample that is not searching is recorded at 0 m: it breaks the swept
     * track, so transit legs and gaps are not counted as searched. An unknown heading is taken as north.
     */
    public static FlownSample sample(double latDeg, double lonDeg, double altRelM, double headingDeg, boolean missionFlying) {
        double heading = Double.isNaN(headingDeg) ? 0 : headingDeg;
        return new FlownSample(latDeg, lonDeg, searching(altRelM, missionFlying) ? altRelM : 0, heading);
    }
}
