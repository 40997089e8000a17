package org.skyfleet.telemetry.command;

import java.util.OptionalDouble;
import org.skyfleet.fleet.command.VehicleCommand;

/**
 * Turns a {@link VehicleCommand} into the MAVLink command a PX4 autopilot acts on. The choices:
 * <ul>
 *   <li>ARM / DISARM: MAV_CMD_COMPONENT_ARM_DISARM (400), param1 1 / 0. The force code 21196 in param2 is
 *       sent only for KILL, which is a disarm forced in flight (PX4 then stops the motors at once).</li>
 *   <li>TAKEOFF: MAV_CMD_NAV_TAKEOFF (22) as COMMAND_LONG. PX4 reads param7 as altitude above mean sea level,
 *       so the API's {@code altRelM} is added to the home altitude the vehicle reported; without a known home
 *       the command is not sent (sending NaN would make PX4 silently use its own default altitude). Yaw,
 *       latitude and longitude are NaN: keep heading, take off where it stands.</li>
 *   <li>GOTO: MAV_CMD_DO_REPOSITION (192) as COMMAND_INT in MAV_FRAME_GLOBAL_RELATIVE_ALT_INT, x/y in
 *       degrees x 10^7, z the altitude above home; param1 -1 (default speed), param2 1
 *       (MAV_DO_REPOSITION_FLAGS_CHANGE_MODE: switch to the guided/hold mode that flies it), yaw NaN.</li>
 *   <li>ORBIT: MAV_CMD_DO_ORBIT (34) as COMMAND_INT in MAV_FRAME_GLOBAL_RELATIVE_ALT_INT, x/y the centre in
 *       degrees x 10^7, z its altitude above home; param1 the radius in metres with MAVLink's sign for the
 *       direction (positive clockwise, negative counter-clockwise: the sign of the API's speed), param2 the
 *       tangential speed in m/s (its magnitude), param3 0 (ORBIT_YAW_BEHAVIOUR_HOLD_FRONT_TO_CIRCLE_CENTER),
 *       param4 0 (common.xml: 0 orbits forever; NaN would mean "vehicle default, or the current value if
 *       already orbiting"). PX4 flies it as its Orbit flight task and reports main mode POSCTL, sub mode
 *       ORBIT; re-sending it while orbiting moves the centre. As for GOTO, the vehicle's COMMAND_ACK is the
 *       result: no mode is awaited.</li>
 *   <li>ROI: MAV_CMD_DO_SET_ROI_LOCATION (195) as COMMAND_INT in MAV_FRAME_GLOBAL_RELATIVE_ALT_INT, x/y the spot in
 *       degrees x 10^7, z its altitude above home; param1 0 (every gimbal). PX4's gimbal manager (and ArduPilot's
 *       mount) then keep the camera on the spot until another ROI or gimbal command; the same command moves it.</li>
 *   <li>HOLD: MAV_CMD_DO_SET_MODE (176) to PX4's AUTO.LOITER (base mode 1 = custom mode enabled, main mode 4
 *       AUTO, sub mode 3 LOITER), as QGroundControl and MAVSDK do: it stops the vehicle whatever mode it was in,
 *       whereas DO_PAUSE_CONTINUE only pauses a running mission.</li>
 *   <li>RETURN_TO_LAUNCH 20, LAND 21 (yaw and position NaN: land here), MISSION_START 300 (first item 0, last
 *       item 0 = to the end).</li>
 *   <li>SET_SPEED: MAV_CMD_DO_CHANGE_SPEED (178), param1 1 (ground speed), param2 m/s, param3 -1 (throttle
 *       unchanged).</li>
 *   <li>MISSION_PAUSE / MISSION_RESUME: MAV_CMD_DO_PAUSE_CONTINUE (193), param1 0 / 1.</li>
 * </ul>
 * ArduPilot differs for TAKEOFF and HOLD: see {@link ArduPilotCommandMapping}.
 */
public final class Px4CommandMapping implements CommandMapping {
    public static final int TARGET_AUTOPILOT_COMPONENT = 1;
    public static final int MAV_CMD_COMPONENT_ARM_DISARM = 400;
    public static final int MAV_CMD_NAV_TAKEOFF = 22;
    public static final int MAV_CMD_DO_REPOSITION = 192;
    public static final int MAV_CMD_DO_SET_MODE = 176;
    public static final int MAV_CMD_DO_ORBIT = 34;
    /** DO_ORBIT param3: ORBIT_YAW_BEHAVIOUR_HOLD_FRONT_TO_CIRCLE_CENTER, the camera on the person in the middle. */
    public static final float ORBIT_YAW_FRONT_TO_CENTRE = 0f;
    /** DO_ORBIT param4: radians to orbit; 0 is "orbit forever". */
    public static final float ORBIT_FOREVER = 0f;
    public static final int MAV_CMD_DO_SET_ROI_LOCATION = 195;
    public static final int MAV_CMD_NAV_RETURN_TO_LAUNCH = 20;
    public static final int MAV_CMD_NAV_LAND = 21;
    public static final int MAV_CMD_DO_CHANGE_SPEED = 178;
    public static final int MAV_CMD_MISSION_START = 300;
    public static final int MAV_CMD_DO_PAUSE_CONTINUE = 193;
    /** Magic param2 of MAV_CMD_COMPONENT_ARM_DISARM that forces a disarm in flight. */
    public static final float FORCE_DISARM = 21196f;

    private static final float NAN = Float.NaN;

    private final HomeAltitudes homes;

    public Px4CommandMapping(HomeAltitudes homes) {
        this.homes = homes;
    }

    @Override
    public MappedCommand map(String vehicleId, VehicleCommand c) {
        return switch (c.verb()) {
            case ARM -> MappedCommand.of(MavCommand.longForm(MAV_CMD_COMPONENT_ARM_DISARM, 1, 0, 0, 0, 0, 0, 0));
            case DISARM -> MappedCommand.of(MavCommand.longForm(MAV_CMD_COMPONENT_ARM_DISARM, 0, 0, 0, 0, 0, 0, 0));
            case KILL -> MappedCommand.of(MavCommand.longForm(MAV_CMD_COMPONENT_ARM_DISARM, 0, FORCE_DISARM, 0, 0, 0, 0, 0));
            case TAKEOFF -> takeoff(vehicleId, c.altRelM());
            case GOTO -> MappedCommand.of(MavCommand.intForm(MAV_CMD_DO_REPOSITION, MavCommand.MAV_FRAME_GLOBAL_RELATIVE_ALT_INT,
                    -1, 1, 0, NAN, degE7(c.latDeg()), degE7(c.lonDeg()), (float) c.altRelM()));
            case ORBIT -> MappedCommand.of(MavCommand.intForm(MAV_CMD_DO_ORBIT, MavCommand.MAV_FRAME_GLOBAL_RELATIVE_ALT_INT,
                    (float) (c.clockwise() ? c.radiusM() : -c.radiusM()), (float) Math.abs(c.speedMps()),
                    ORBIT_YAW_FRONT_TO_CENTRE, ORBIT_FOREVER, degE7(c.latDeg()), degE7(c.lonDeg()), (float) c.altRelM()));
            case ROI -> MappedCommand.of(MavCommand.intForm(MAV_CMD_DO_SET_ROI_LOCATION, MavCommand.MAV_FRAME_GLOBAL_RELATIVE_ALT_INT,
                    0, 0, 0, 0, degE7(c.latDeg()), degE7(c.lonDeg()), (float) c.altRelM()));
            case HOLD -> MappedCommand.of(MavCommand.longForm(MAV_CMD_DO_SET_MODE, 1, 4, 3, 0, 0, 0, 0));
            case RETURN_TO_LAUNCH -> MappedCommand.of(MavCommand.longForm(MAV_CMD_NAV_RETURN_TO_LAUNCH, 0, 0, 0, 0, 0, 0, 0));
            case LAND -> MappedCommand.of(MavCommand.longForm(MAV_CMD_NAV_LAND, 0, 0, 0, NAN, NAN, NAN, NAN));
            case SET_SPEED -> MappedCommand.of(MavCommand.longForm(MAV_CMD_DO_CHANGE_SPEED, 1, (float) c.speedMps(), -1, 0, 0, 0, 0));
            case MISSION_START -> MappedCommand.of(MavCommand.longForm(MAV_CMD_MISSION_START, 0, 0, 0, 0, 0, 0, 0));
            case MISSION_PAUSE -> MappedCommand.of(MavCommand.longForm(MAV_CMD_DO_PAUSE_CONTINUE, 0, 0, 0, 0, 0, 0, 0));
            case MISSION_RESUME -> MappedCommand.of(MavCommand.longForm(MAV_CMD_DO_PAUSE_CONTINUE, 1, 0, 0, 0, 0, 0, 0));
        };
    }

    private MappedCommand takeoff(String vehicleId, double altRelM) {
        OptionalDouble home = homes.homeAltAmslM(vehicleId);
        if (home.isEmpty()) {
            return MappedCommand.refused("home altitude of " + vehicleId + " unknown: cannot turn altRelM into the AMSL "
                    + "altitude PX4 takes off to");
        }
        float altAmslM = (float) (home.getAsDouble() + altRelM);
        return MappedCommand.of(MavCommand.longForm(MAV_CMD_NAV_TAKEOFF, 0, 0, 0, NAN, NAN, NAN, altAmslM));
    }

    private static int degE7(double deg) {
        return (int) Math.round(deg * 1e7);
    }
}
