/**
 * The robot beside the officer: pairing a ground robot with an officer ({@code RobotService}), the 1-2 Hz loop that
 * keeps a paired robot at its stand-off from the officer's live position (never into an exclusion zone, stopped when
 * the position goes stale), and, unpaired, its patrol loop and its drive back to the kiosk dock on a low battery.
 */
package org.skyfleet.server.robot;
