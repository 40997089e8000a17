package org.skyfleet.fleet.airframe;

/**
 * The flight time a plan may count on for one vehicle now, and where the figure comes from.
 *
 * @param fullPackS      flight time on a full pack as this vehicle flies, seconds, above 0
 * @param availableS     flight time on the charge it has now, seconds (NaN when its charge is unknown)
 * @param batteryPercent its charge now, percent 0..100, NaN when unknown
 * @param cruiseSpeedMps its profile's cruise speed, metres per second; NaN without a profile
 * @param maxSpeedMps    its profile's top speed, metres per second; NaN without a profile
 * @param climbRateMps   its profile's climb rate, metres per second; NaN without a profile
 * @param profileId      the profile it flies as, empty when none
 * @param basis          how the figures were reached, in a sentence, for the plan's reader
 */
public record Endurance(double fullPackS, double availableS, double batteryPercent, double cruiseSpeedMps, double maxSpeedMps,
                        double climbRateMps, String profileId, String basis) {
}
