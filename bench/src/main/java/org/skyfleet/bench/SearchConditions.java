package org.skyfleet.bench;

import org.skyfleet.fleet.search.SweepWidths;
import org.skyfleet.simulator.sensor.CameraPreset;

/**
 * What a benchmark run is flown under.
 *
 * @param night the cameras see as at night (the simulator's night factors) and the map uses night sweep widths
 * @param batterySwapS minutes on the ground between a landing and the next take-off, seconds
 * @param dry nobody is there to find: the cameras do not look and the search flies the whole hour (used to
 *     measure each strategy's expected probability of success under the map's own detection model, and the
 *     share of drone time flown, without a detection cutting the hour short)
 * @param roads the cases have roads, known to the map, and subjects on them ({@link SearchScenario#drawWithRoads})
 * @param sinceLastSeenS seconds from last seen to the search's start: the subject is drawn within his reach and
 *     the map is limited to it ({@link org.skyfleet.fleet.search.SearchPrior}); NaN: unknown, no limit
 */
record SearchConditions(boolean night, int batterySwapS, boolean dry, boolean roads, double sinceLastSeenS) {
    static final int DEFAULT_SWAP_S = 300;

    SearchConditions(boolean night, int batterySwapS, boolean dry, boolean roads) {
        this(night, batterySwapS, dry, roads, Double.NaN);
    }

    static SearchConditions day() {
        return new SearchConditions(false, DEFAULT_SWAP_S, false, false);
    }

    SearchConditions asDry() {
        return new SearchConditions(night, batterySwapS, true, roads, sinceLastSeenS);
    }

    /** The map's sensor for a simulator camera preset. */
    static SweepWidths.Sensor sensor(CameraPreset preset) {
        return preset == CameraPreset.THERMAL ? SweepWidths.Sensor.THERMAL : SweepWidths.Sensor.VISUAL;
    }
}
