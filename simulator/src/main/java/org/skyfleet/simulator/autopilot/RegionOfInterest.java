package org.skyfleet.simulator.autopilot;

/**
 * The spot the ground station asked the camera to keep pointing at (MAV_CMD_DO_SET_ROI_LOCATION), in the
 * vehicle's local frame. The simulated drones have no gimbal of their own to turn: the autopilot keeps the spot
 * as PX4's gimbal manager would, so a test (or a camera model) can see where the camera was told to look.
 *
 * @param eastM   metres east of home
 * @param northM  metres north of home
 * @param altRelM metres above home (0 for the ground at home's level)
 */
public record RegionOfInterest(double eastM, double northM, double altRelM) {
}
