package org.skyfleet.fleet.response;

import org.skyfleet.planner.geo.GeoPoint;

/**
 * A drone that could answer a call, with what its aircraft profile says it can do.
 *
 * @param batteryPercent  0..100
 * @param cruiseSpeedMps  speed over the ground to the scene, metres per second
 * @param climbRateMps    vertical speed, metres per second
 * @param windLimitMps    strongest wind it may fly in, metres per second
 * @param enduranceS      flight time on a full pack, seconds
 * @param thermal         it carries a thermal camera (sees at night)
 */
public record Responder(String vehicleId, GeoPoint position, double batteryPercent, double cruiseSpeedMps, double climbRateMps,
                        double windLimitMps, double enduranceS, boolean thermal) {

    /** Seconds from the launch to over the scene at {@code altRelM}: the climb, then the straight line at cruise speed. */
    public double secondsTo(GeoPoint scene, double altRelM, double distanceM) {
        return altRelM / climbRateMps + distanceM / cruiseSpeedMps;
    }
}
