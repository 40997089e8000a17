package org.skyfleet.fleet.dispatch;

/** How far and how long a unit's way to a target is. */
public record TravelEstimate(double distanceM, double etaS) {
}
