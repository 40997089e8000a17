package org.skyfleet.fleet.command;

/** What a {@link VehicleCommand} asks the vehicle to do. */
public enum CommandVerb {
    /** Arm the motors (refused by the vehicle if its pre-arm checks fail). */
    ARM,
    /** Disarm the motors; vehicles refuse this in flight. */
    DISARM,
    /** Climb to {@code altRelM} above home from the ground. */
    TAKEOFF,
    /** Fly to a point at {@code altRelM} above home and hold there. */
    GOTO,
    /**
     * Circle a centre ({@code latDeg}, {@code lonDeg}) at {@code altRelM} above home, {@code radiusM} from it, at the
     * tangential speed {@code speedMps}: positive clockwise seen from above, negative counter-clockwise (the
     * direction MAVLink's MAV_CMD_DO_ORBIT gives by the sign of its radius). Until another command ends it; the
     * same verb again while orbiting moves the centre.
     */
    ORBIT,
    /**
     * Point the camera at a spot ({@code latDeg}, {@code lonDeg}, {@code altRelM} above home; 0 for a spot on the
     * ground near home's level) and keep it there whatever the vehicle flies (MAVLink's region of interest). The
     * same verb again moves the spot.
     */
    ROI,
    /** Stop and hold the current position. */
    HOLD,
    /** Return to the launch (home) position and land. */
    RETURN_TO_LAUNCH,
    /** Land where the vehicle is. */
    LAND,
    /** Change the ground speed to {@code speedMps}. */
    SET_SPEED,
    /** Start the uploaded mission from its first item. */
    MISSION_START,
    /** Pause the mission in flight, holding position. */
    MISSION_PAUSE,
    /** Continue a paused mission. */
    MISSION_RESUME,
    /** Stop the motors at once, in the air too: an emergency action that drops the vehicle. */
    KILL
}
