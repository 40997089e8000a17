package org.skyfleet.fleet.fusion;

/**
 * An uncertainty ellipse for display.
 *
 * @param semiMajorM semi-major axis, m
 * @param semiMinorM semi-minor axis, m
 * @param majorAxisBearingDeg direction of the major axis, 0..180, clockwise from north (an axis has no
 *     sense, so 0 and 180 are the same)
 */
public record PositionEllipse(double semiMajorM, double semiMinorM, double majorAxisBearingDeg) {
}
