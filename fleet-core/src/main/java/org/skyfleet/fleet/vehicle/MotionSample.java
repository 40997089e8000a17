package org.skyfleet.fleet.vehicle;

import java.time.Instant;

/**
 * Speeds as shown on a head-up display.
 *
 * @param airspeedMps     metres per second
 * @param groundspeedMps  metres per second
 * @param climbRateMps    metres per second, positive up
 * @param throttlePercent 0..100
 * @param receivedAt      when the server received it
 */
public record MotionSample(double airspeedMps, double groundspeedMps, double climbRateMps,
                           double throttlePercent, Instant receivedAt) {
}
