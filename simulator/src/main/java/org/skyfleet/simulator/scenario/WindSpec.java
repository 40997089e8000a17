package org.skyfleet.simulator.scenario;

/**
 * The wind: mean speed, the direction it blows from (degrees clockwise from north), gust standard
 * deviation.
 */
public record WindSpec(double speedMps, double fromDeg, double gustMps) {
}
