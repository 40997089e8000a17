package org.skyfleet.planner;

/** What a vehicle does at a waypoint; the exporters map each to a MAVLink command. */
public enum WaypointAction {
  /** Climb to the waypoint's altitude over the start point. */
  TAKEOFF,
  /** Fly or drive to the point (transit, detour around a zone, patrol checkpoint). */
  NAVIGATE,
  /** Start or end of a survey sweep: the sensor is working along the leg. */
  SURVEY,
  /** Point on an orbit around an inspection target. */
  ORBIT,
  /** Hold position for {@code holdS} seconds. */
  LOITER,
  /** Return to the launch point; the last item of a drone plan. */
  RETURN_TO_LAUNCH,
  /** Land at the point. */
  LAND
}
