package org.skyfleet.fleet.geofence;

import org.skyfleet.planner.geo.GeoPoint;

/**
 * Where and why a route breaks a zone.
 *
 * @param legIndex          the leg, numbered by the waypoint it starts from (leg 0 runs from waypoint 0 to 1)
 * @param zone              the zone
 * @param reason            how it is broken
 * @param where             the first point of the leg that breaks it
 * @param altRelM           the altitude there, metres above home
 * @param distanceAlongLegM metres from the leg's first waypoint to {@code where}, along the ground
 * @param message           a sentence for a person
 */
public record RouteBreach(int legIndex, Zone zone, BreachReason reason, GeoPoint where, double altRelM,
                          double distanceAlongLegM, String message) {
}
