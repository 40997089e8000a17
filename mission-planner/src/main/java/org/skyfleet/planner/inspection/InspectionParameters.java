package org.skyfleet.planner.inspection;

/**
 * A point inspection request (the target is the plan request's datum).
 *
 * @param orbitRadiusM orbit radius around the target, metres, above 0
 * @param orbitTurns full turns to fly, at least 1
 * @param altRelM orbit altitude above home, metres
 */
public record InspectionParameters(double orbitRadiusM, int orbitTurns, double altRelM) {}
