package org.skyfleet.simulator.autopilot;

/**
 * The spot the ground station asked the camera to keep pointing at (MAV_CMD_DO_SET_ROI_LOCATION), in the
 * vehicle's local frame. The autopilot keeps the spot as PX4's gimbal manager would, and the drone's gimbal turns
 * to it every step (see {@code CameraCommandHandler#holdRegionOfInterest}) until a pilot points the gimbal by hand.
 *
 * @param eastM   metres east of home
 * @param northM  metres north of home
 * @param altRelM metres above home (0 for the ground at home's level)
 */
public record RegionOfInterest(double eastM, double northM, double altRelM) {
}
