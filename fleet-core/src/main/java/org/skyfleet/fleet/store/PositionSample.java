package org.skyfleet.fleet.store;

import java.time.Instant;

/**
 * Where a vehicle was at one time.
 *
 * @param latDeg   WGS84, -90..90
 * @param lonDeg   WGS84, -180..180
 * @param altAmslM altitude above mean sea level, metres
 */
public record PositionSample(String vehicleId, Instant time, double latDeg, double lonDeg, double altAmslM) {
}
