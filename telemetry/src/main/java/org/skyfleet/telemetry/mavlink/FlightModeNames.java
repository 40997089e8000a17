package org.skyfleet.telemetry.mavlink;

import java.util.Map;
import org.skyfleet.fleet.vehicle.AutopilotKind;
import org.skyfleet.fleet.vehicle.VehicleKind;

/**
 * Names a HEARTBEAT's custom mode in the autopilot's own vocabulary. PX4 packs a main mode in bits
 * 16..23 and a sub mode in bits 24..31 (px4_custom_mode.h): AUTO's sub modes, and POSCTL's sub mode 1
 * ORBIT, which PX4 reports while it flies MAV_CMD_DO_ORBIT. ArduPilot numbers modes per vehicle class
 * (Copter, Rover, Plane).
 */
public final class FlightModeNames {
    private static final int MAV_MODE_FLAG_CUSTOM_MODE_ENABLED = 1;

    private static final Map<Integer, String> PX4_MAIN = Map.of(
            1, "MANUAL", 2, "ALTCTL", 3, "POSCTL", 5, "ACRO", 6, "OFFBOARD", 7, "STABILIZED", 8, "RATTITUDE");
    private static final Map<Integer, String> PX4_AUTO = Map.of(
            1, "READY", 2, "TAKEOFF", 3, "HOLD", 4, "MISSION", 5, "RTL", 6, "LAND", 8, "FOLLOW_TARGET", 9, "PRECLAND");
    private static final int PX4_MAIN_POSCTL = 3;
    private static final int PX4_SUB_POSCTL_ORBIT = 1;
    private static final Map<Integer, String> COPTER = Map.ofEntries(
            Map.entry(0, "STABILIZE"), Map.entry(1, "ACRO"), Map.entry(2, "ALT_HOLD"), Map.entry(3, "AUTO"),
            Map.entry(4, "GUIDED"), Map.entry(5, "LOITER"), Map.entry(6, "RTL"), Map.entry(7, "CIRCLE"),
            Map.entry(9, "LAND"), Map.entry(11, "DRIFT"), Map.entry(13, "SPORT"), Map.entry(16, "POSHOLD"),
            Map.entry(17, "BRAKE"), Map.entry(18, "THROW"), Map.entry(21, "SMART_RTL"), Map.entry(23, "FOLLOW"),
            Map.entry(27, "AUTO_RTL"));
    private static final Map<Integer, String> ROVER = Map.ofEntries(
            Map.entry(0, "MANUAL"), Map.entry(1, "ACRO"), Map.entry(3, "STEERING"), Map.entry(4, "HOLD"),
            Map.entry(5, "LOITER"), Map.entry(6, "FOLLOW"), Map.entry(7, "SIMPLE"), Map.entry(10, "AUTO"),
            Map.entry(11, "RTL"), Map.entry(12, "SMART_RTL"), Map.entry(15, "GUIDED"));
    private static final Map<Integer, String> PLANE = Map.ofEntries(
            Map.entry(0, "MANUAL"), Map.entry(1, "CIRCLE"), Map.entry(2, "STABILIZE"), Map.entry(5, "FBWA"),
            Map.entry(6, "FBWB"), Map.entry(7, "CRUISE"), Map.entry(10, "AUTO"), Map.entry(11, "RTL"),
            Map.entry(12, "LOITER"), Map.entry(13, "TAKEOFF"), Map.entry(15, "GUIDED"), Map.entry(18, "QHOVER"),
            Map.entry(19, "QLOITER"), Map.entry(20, "QLAND"), Map.entry(21, "QRTL"));

    private FlightModeNames() {
    }

    public static String name(AutopilotKind autopilot, VehicleKind kind, int baseMode, long customMode) {
        if ((baseMode & MAV_MODE_FLAG_CUSTOM_MODE_ENABLED) == 0) {
            return "UNKNOWN";
        }
        return switch (autopilot) {
            case PX4 -> px4(customMode);
            case ARDUPILOT -> ardupilot(kind, (int) customMode);
            case OTHER -> "CUSTOM_" + customMode;
        };
    }

    private static String px4(long customMode) {
        int main = (int) (customMode >> 16) & 0xFF;
        int sub = (int) (customMode >> 24) & 0xFF;
        if (main == 4) {
            return PX4_AUTO.getOrDefault(sub, "AUTO");
        }
        if (main == PX4_MAIN_POSCTL && sub == PX4_SUB_POSCTL_ORBIT) {
            return "ORBIT";
        }
        return PX4_MAIN.getOrDefault(main, "PX4_" + main);
    }

    private static String ardupilot(VehicleKind kind, int mode) {
        Map<Integer, String> table = switch (kind) {
            case GROUND_ROVER, SURFACE_BOAT -> ROVER;
            case FIXED_WING, VTOL -> PLANE;
            default -> COPTER;
        };
        return table.getOrDefault(mode, "MODE_" + mode);
    }
}
