package org.skyfleet.fleet.command;

/**
 * What a vehicle answered a mission transfer with (MAV_MISSION_RESULT, named without its MAV_MISSION_ prefix).
 * {@link #UNKNOWN} stands for a value this build does not know.
 */
public enum MissionResult {
    ACCEPTED,
    ERROR,
    UNSUPPORTED_FRAME,
    UNSUPPORTED,
    NO_SPACE,
    INVALID,
    INVALID_PARAM1,
    INVALID_PARAM2,
    INVALID_PARAM3,
    INVALID_PARAM4,
    INVALID_PARAM5_X,
    INVALID_PARAM6_Y,
    INVALID_PARAM7,
    INVALID_SEQUENCE,
    DENIED,
    OPERATION_CANCELLED,
    UNKNOWN;

    /** The full MAVLink name, e.g. MAV_MISSION_NO_SPACE. */
    public String mavlinkName() {
        return "MAV_MISSION_" + name();
    }
}
