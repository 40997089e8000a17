package org.skyfleet.planner.export;

/**
 * One MISSION_ITEM_INT as a plain record, in the order the upload handshake sends them.
 *
 * @param seq sequence number from 0
 * @param frame MAV_FRAME (6 = GLOBAL_RELATIVE_ALT_INT for positions, 2 = MISSION for commands)
 * @param command MAV_CMD
 * @param param1 command parameter 1 (hold or loiter time s, speed type, ...)
 * @param param2 command parameter 2
 * @param param3 command parameter 3
 * @param param4 command parameter 4 (yaw deg; NaN = keep current)
 * @param xDegE7 latitude, degrees × 10^7
 * @param yDegE7 longitude, degrees × 10^7
 * @param zM altitude in metres in {@code frame}
 * @param autocontinue go on to the next item when this one completes
 */
public record MavlinkMissionItem(int seq, int frame, int command, float param1, float param2, float param3,
    float param4, int xDegE7, int yDegE7, float zM, boolean autocontinue) {

  public static final int MAV_FRAME_MISSION = 2;
  public static final int MAV_FRAME_GLOBAL_RELATIVE_ALT = 3;
  public static final int MAV_FRAME_GLOBAL_RELATIVE_ALT_INT = 6;

  public static final int MAV_CMD_NAV_WAYPOINT = 16;
  public static final int MAV_CMD_NAV_LOITER_TIME = 19;
  public static final int MAV_CMD_NAV_RETURN_TO_LAUNCH = 20;
  public static final int MAV_CMD_NAV_LAND = 21;
  public static final int MAV_CMD_NAV_TAKEOFF = 22;
  public static final int MAV_CMD_DO_CHANGE_SPEED = 178;

  /** Degrees to the MAVLink integer encoding. */
  public static int degE7(double deg) {
    return (int) Math.round(deg * 1e7);
  }
}
