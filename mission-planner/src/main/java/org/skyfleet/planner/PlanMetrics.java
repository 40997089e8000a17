package org.skyfleet.planner;

/**
 * What a route (or a whole plan) costs and achieves.
 *
 * @param lengthM horizontal path length, metres
 * @param turns heading changes above 20 degrees
 * @param flightTimeS estimated time from take-off to landing, seconds (longest vehicle for a plan)
 * @param areaCoveredM2 area within half a sweep width of the path, square metres (0 when not a survey)
 * @param coverageRatio areaCoveredM2 over the area to cover, 0..1 (0 when not a survey)
 */
public record PlanMetrics(double lengthM, int turns, double flightTimeS, double areaCoveredM2, double coverageRatio) {}
