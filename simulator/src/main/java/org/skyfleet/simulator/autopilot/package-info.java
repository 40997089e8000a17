/**
 * The simulated flight stack: flight modes with PX4's (and ArduPilot's) custom mode numbers, arming
 * checks, commands, mission execution, return to launch, and the failsafes (battery, lost link,
 * geofence) that take control from the pilot as PX4 does.
 */
package org.skyfleet.simulator.autopilot;
