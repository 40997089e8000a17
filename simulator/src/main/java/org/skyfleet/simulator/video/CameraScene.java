package org.skyfleet.simulator.video;

import java.util.List;

/**
 * What one camera sees at one instant, copied off the simulation thread so the renderer never reads a
 * vehicle mid-step. Positions in the simulation's local frame, metres east and north of its origin.
 *
 * @param hfovDeg       the lens's horizontal field of view after zoom
 * @param headingDeg    0..360 clockwise from north: the top of the picture points this way
 * @param people        east/north pairs of the people on the ground
 * @param groundUnits   east/north pairs of the police ground units and robots
 */
public record CameraScene(String vehicleId, long epochMs, double eastM, double northM, double altRelM, double headingDeg,
                          double hfovDeg, boolean thermal, List<double[]> people, List<double[]> groundUnits) {
}
