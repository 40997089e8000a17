package org.skyfleet.fleet.vehicle;

/**
 * Where the vehicle returns to.
 *
 * @param latDeg   WGS84 latitude, degrees
 * @param lonDeg   WGS84 longitude, degrees
 * @param altAmslM altitude above mean sea level, metres
 */
public record HomePosition(double latDeg, double lonDeg, double altAmslM) {
}
