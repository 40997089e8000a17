package org.skyfleet.fleet.vehicle;

import java.time.Instant;

/**
 * Orientation of the vehicle body.
 *
 * @param rollDeg    -180..180, right side down positive
 * @param pitchDeg   -90..90, nose up positive
 * @param yawDeg     0..360 clockwise from true north
 * @param receivedAt when the server received it
 */
public record AttitudeSample(double rollDeg, double pitchDeg, double yawDeg, Instant receivedAt) {
}
