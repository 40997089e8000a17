package org.skyfleet.planner;

/**
 * One point of a vehicle's route.
 *
 * @param latDeg WGS84 latitude, degrees
 * @param lonDeg WGS84 longitude, degrees
 * @param altRelM altitude above the home/take-off point, metres (0 for ground robots)
 * @param action what to do there
 * @param holdS time to hold at the point, seconds (0 for none)
 */
public record Waypoint(double latDeg, double lonDeg, double altRelM, WaypointAction action, double holdS) {}
