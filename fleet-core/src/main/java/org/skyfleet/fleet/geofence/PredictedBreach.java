package org.skyfleet.fleet.geofence;

/**
 * A breach the vehicle will reach if it keeps its velocity.
 *
 * @param zone              the zone
 * @param reason            how it will be broken
 * @param timeToBreachS     seconds from the position's time until the breach, above 0
 * @param distanceToBreachM metres along the straight 3-D path until the breach
 */
public record PredictedBreach(Zone zone, BreachReason reason, double timeToBreachS, double distanceToBreachM) {
}
