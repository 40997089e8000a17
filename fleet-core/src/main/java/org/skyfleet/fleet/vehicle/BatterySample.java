package org.skyfleet.fleet.vehicle;

import java.time.Instant;

/**
 * The main battery.
 *
 * @param remainingPercent 0..100, NaN if the vehicle does not estimate it
 * @param voltageV         volts, NaN if unknown
 * @param currentA         amperes drawn, NaN if unknown
 * @param receivedAt       when the server received it
 */
public record BatterySample(double remainingPercent, double voltageV, double currentA, Instant receivedAt) {
}
