package org.skyfleet.fleet.response;

/**
 * The weather and light at the scene when the call comes in.
 *
 * @param windMps the latest reported wind (gusts included), metres per second; NaN when nobody reported one
 * @param night   the sun is below the horizon there
 */
public record CallConditions(double windMps, boolean night) {
}
