package org.skyfleet.fleet.weather;

import java.time.Instant;

/**
 * The wind a vehicle reported, horizontal.
 *
 * @param speedMps metres per second, >= 0
 * @param fromDeg  where it blows from, degrees clockwise from true north, 0..360
 * @param at       when the server received it
 */
public record MeasuredWind(String vehicleId, double speedMps, double fromDeg, Instant at) {
}
