package org.skyfleet.fleet.search;

/**
 * One position the drone actually flew, from telemetry.
 *
 * @param latDeg WGS84 latitude, degrees
 * @param lonDeg WGS84 longitude, degrees
 * @param altitudeAglM height above the ground below, metres (≤ 0: on the ground, the camera sees nothing)
 * @param headingDeg where the nose points, 0..360 clockwise from true north (the camera's across-track
 *     axis is perpendicular to it, whatever the drift)
 */
public record FlownSample(double latDeg, double lonDeg, double altitudeAglM, double headingDeg) {}
