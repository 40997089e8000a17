package org.skyfleet.fleet.command;

/**
 * One mission, fence or rally item as a vehicle stores it (the content of a MISSION_ITEM_INT). Its sequence
 * number is its index in the list it travels in. Field for field the same as the planner's
 * {@code org.skyfleet.planner.export.MavlinkMissionItem} without {@code seq}, so mapping is a copy.
 *
 * @param frame        MAV_FRAME, e.g. 3 GLOBAL_RELATIVE_ALT, 6 GLOBAL_RELATIVE_ALT_INT, 2 MISSION
 * @param command      MAV_CMD, e.g. 16 NAV_WAYPOINT, 5001 NAV_FENCE_POLYGON_VERTEX_INCLUSION
 * @param param1       command parameter 1, in the command's unit
 * @param param2       command parameter 2
 * @param param3       command parameter 3
 * @param param4       command parameter 4 (yaw deg for waypoints; NaN = unset)
 * @param xDegE7       latitude, degrees x 10^7 in global frames; param5 as an integer in MAV_FRAME_MISSION
 * @param yDegE7       longitude, degrees x 10^7 in global frames; param6 as an integer in MAV_FRAME_MISSION
 * @param zM           altitude in metres in {@code frame} (param7 in MAV_FRAME_MISSION)
 * @param autocontinue go on to the next item when this one completes
 */
public record MissionItem(int frame, int command, float param1, float param2, float param3, float param4,
                          int xDegE7, int yDegE7, float zM, boolean autocontinue) {

    public MissionItem {
        if (frame < 0 || frame > 255) {
            throw new IllegalArgumentException("frame must be 0..255, got " + frame);
        }
        if (command < 0 || command > 65535) {
            throw new IllegalArgumentException("command must be 0..65535, got " + command);
        }
    }

    /** Degrees to the integer encoding of {@link #xDegE7()} and {@link #yDegE7()}. */
    public static int degE7(double deg) {
        return (int) Math.round(deg * 1e7);
    }
}
