package org.skyfleet.bench;

import org.skyfleet.fleet.search.SweepWidths;
import org.skyfleet.server.automation.SearchProfile;
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
 * @param drones how many drones search, 1..32: the first half (rounded up) thermal, the rest visual
 * @param secondLook drones turn back for a second look at a track one hit short of confirming, as the live search
 *     does ({@link org.skyfleet.server.automation.SecondLookRule}); false to measure what the looks are worth
 * @param packS flight time on a full pack, seconds, 60..7,200 ({@link SearchProfile#defaults()}: 1,200)
 * @param cruiseMps search speed, metres per second, 2..25 (defaults: 8)
 */
record SearchConditions(boolean night, int batterySwapS, boolean dry, boolean roads, double sinceLastSeenS, int drones,
                        boolean secondLook, double packS, double cruiseMps) {
    static final int DEFAULT_SWAP_S = 300;
    static final int DEFAULT_DRONES = 4;

    SearchConditions {
        if (drones < 1 || drones > 32) {
            throw new IllegalArgumentException("drones must be 1..32, got " + drones);
        }
        if (!(packS >= 60 && packS <= 7200) || !(cruiseMps >= 2 && cruiseMps <= 25)) {
            throw new IllegalArgumentException("a pack must give 1..120 min and the search speed be 2..25 m/s, got "
                    + packS / 60 + " min and " + cruiseMps + " m/s");
        }
    }

    SearchConditions(boolean night, int batterySwapS, boolean dry, boolean roads) {
        this(night, batterySwapS, dry, roads, Double.NaN, DEFAULT_DRONES, true, SearchProfile.defaults().fullBatteryFlightS(),
                SearchProfile.defaults().cruiseSpeedMps());
    }

    static SearchConditions day() {
        return new SearchConditions(false, DEFAULT_SWAP_S, false, false);
    }

    SearchConditions asDry() {
        return new SearchConditions(night, batterySwapS, true, roads, sinceLastSeenS, drones, secondLook, packS, cruiseMps);
    }

    /** How the drones fly the search: {@link SearchProfile#defaults()} with this pack and speed. */
    SearchProfile profile() {
        SearchProfile d = SearchProfile.defaults();
        return new SearchProfile(d.camera(), d.effectiveSweepWidthM(), cruiseMps, packS, d.minLaunchPercent(), d.orbitRadiusM(),
                d.handoverPercent());
    }

    /** Each drone's camera, in drone order: thermal first. */
    CameraPreset[] cameras() {
        CameraPreset[] out = new CameraPreset[drones];
        for (int i = 0; i < drones; i++) {
            out[i] = i < (drones + 1) / 2 ? CameraPreset.THERMAL : CameraPreset.VISUAL;
        }
        return out;
    }

    /** A camera's detector false alarms: the thermal core's hot spots are rarer than the visual detector's. */
    static double falsePositivesPerMin(CameraPreset preset) {
        return preset == CameraPreset.THERMAL ? 0.5 : 1.0;
    }

    /** The map's sensor for a simulator camera preset. */
    static SweepWidths.Sensor sensor(CameraPreset preset) {
        return preset == CameraPreset.THERMAL ? SweepWidths.Sensor.THERMAL : SweepWidths.Sensor.VISUAL;
    }
}
