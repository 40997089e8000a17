package org.skyfleet.planner;

/** How a vehicle moves: multicopters take off and fly over anything; ground robots drive on the ground. */
public enum VehicleKind {
  MULTICOPTER,
  GROUND_ROBOT
}
