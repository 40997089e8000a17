package org.skyfleet.fleet.geofence;

/**
 * A point a route passes through.
 *
 * @param latDeg  WGS84 latitude, degrees
 * @param lonDeg  WGS84 longitude, degrees
 * @param altRelM metres above home
 */
public record RouteWaypoint(double latDeg, double lonDeg, double altRelM) {
}
