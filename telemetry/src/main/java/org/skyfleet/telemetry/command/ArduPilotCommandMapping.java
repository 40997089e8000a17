package org.skyfleet.telemetry.command;

import java.util.Optional;
import java.util.function.Function;
import org.skyfleet.fleet.command.CommandVerb;
import org.skyfleet.fleet.command.VehicleCommand;
import org.skyfleet.fleet.vehicle.VehicleKind;

/**
 * Turns a {@link VehicleCommand} into the MAVLink command an ArduPilot autopilot (Copter, Rover) acts on. Same as
 * {@link Px4CommandMapping} except:
 * <ul>
 *   <li>TAKEOFF: MAV_CMD_NAV_TAKEOFF with param7 the altitude above home, as ArduCopter reads it (no home
 *       altitude needed). The vehicle must be in GUIDED and armed; it answers otherwise.</li>
 *   <li>HOLD: MAV_CMD_DO_SET_MODE with base mode 1 (custom mode enabled) and ArduPilot's own mode number:
 *       LOITER (5) on Copter, HOLD (4) on Rover and boats. Other frames are refused: their hold modes differ
 *       (Plane's LOITER is 12) and are not mapped.</li>
 * </ul>
 */
public final class ArduPilotCommandMapping implements CommandMapping {
    public static final int COPTER_LOITER = 5;
    public static final int ROVER_HOLD = 4;

    private final Function<String, Optional<VehicleKind>> kinds;
    private final Px4CommandMapping common;

    /**
     * @param kinds what kind of vehicle each id is (from its heartbeat)
     * @param homes used only for the verbs shared with PX4, none of which needs it today
     */
    public ArduPilotCommandMapping(Function<String, Optional<VehicleKind>> kinds, HomeAltitudes homes) {
        this.kinds = kinds;
        this.common = new Px4CommandMapping(homes);
    }

    @Override
    public MappedCommand map(String vehicleId, VehicleCommand c) {
        if (c.verb() == CommandVerb.TAKEOFF) {
            return MappedCommand.of(MavCommand.longForm(Px4CommandMapping.MAV_CMD_NAV_TAKEOFF, 0, 0, 0, Float.NaN, 0, 0,
                    (float) c.altRelM()));
        }
        if (c.verb() == CommandVerb.HOLD) {
            VehicleKind kind = kinds.apply(vehicleId).orElse(VehicleKind.OTHER);
            int mode;
            if (kind == VehicleKind.MULTICOPTER || kind == VehicleKind.HELICOPTER) {
                mode = COPTER_LOITER;
            } else if (kind.isSurface()) {
                mode = ROVER_HOLD;
            } else {
                return MappedCommand.refused("no ArduPilot hold mode mapped for a " + kind + " (" + vehicleId + ")");
            }
            return MappedCommand.of(MavCommand.longForm(Px4CommandMapping.MAV_CMD_DO_SET_MODE, 1, mode, 0, 0, 0, 0, 0));
        }
        if (c.verb() == CommandVerb.ORBIT) {
            VehicleKind kind = kinds.apply(vehicleId).orElse(VehicleKind.OTHER);
            return MappedCommand.refused("ORBIT (MAV_CMD_DO_ORBIT) is mapped for PX4 only; " + vehicleId + " is an ArduPilot "
                    + kind + ": use GOTO instead");
        }
        return common.map(vehicleId, c);
    }
}
