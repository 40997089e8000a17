package org.skyfleet.fleet.vehicle;

import java.time.Instant;

/**
 * A fused global position as the autopilot reports it.
 *
 * @param latDeg      WGS84 latitude, degrees
 * @param lonDeg      WGS84 longitude, degrees
 * @param altAmslM    altitude above mean sea level, metres
 * @param altRelM     altitude above home, metres
 * @param vNorthMps   velocity north, metres per second
 * @param vEastMps    velocity east, metres per second
 * @param vDownMps    velocity down, metres per second (positive descending)
 * @param headingDeg  0..360 clockwise from true north, NaN if unknown
 * @param receivedAt  when the server received it
 */
public record PositionSample(double latDeg, double lonDeg, double altAmslM, double altRelM,
                             double vNorthMps, double vEastMps, double vDownMps, double headingDeg,
                             Instant receivedAt) {
}
