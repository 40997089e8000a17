package org.skyfleet.simulator.autopilot;

import org.skyfleet.simulator.vehicle.AutopilotFlavour;
import org.skyfleet.simulator.vehicle.SimVehicleKind;

/**
 * The flight modes the simulated autopilot flies, with their numbers on the wire: PX4 puts its main
 * mode in bits 16..23 of HEARTBEAT.custom_mode and the sub mode in bits 24..31 (AUTO's sub modes, and
 * POSCTL's sub mode 1 ORBIT); ArduPilot Copter and Rover number their modes plainly.
 */
public enum FlightMode {
    /** PX4 POSCTL; ArduCopter POSHOLD (16); Rover MANUAL (0). */
    POSCTL(3, 0, 16, 0),
    /** PX4 AUTO.LOITER ("Hold"); ArduCopter LOITER (5); Rover HOLD (4). */
    HOLD(4, 3, 5, 4),
    /** PX4 AUTO.TAKEOFF; ArduCopter GUIDED (4). */
    TAKEOFF(4, 2, 4, 4),
    /** PX4 AUTO.MISSION; ArduCopter AUTO (3); Rover AUTO (10). */
    MISSION(4, 4, 3, 10),
    /** PX4 AUTO.RTL; ArduCopter RTL (6); Rover RTL (11). */
    RTL(4, 5, 6, 11),
    /** PX4 AUTO.LAND; ArduCopter LAND (9). */
    LAND(4, 6, 9, 4),
    /** PX4 OFFBOARD; ArduPilot GUIDED (4 Copter, 15 Rover). */
    OFFBOARD(6, 0, 4, 15),
    /**
     * PX4's Orbit (navigation state ORBIT), entered only by MAV_CMD_DO_ORBIT: PX4 has no AUTO sub mode for it and
     * reports main mode POSCTL with sub mode 1 (PX4_CUSTOM_SUB_MODE_POSCTL_ORBIT). A DO_SET_MODE to POSCTL means
     * plain POSCTL. ArduPilot does not fly DO_ORBIT (the simulator answers UNSUPPORTED); its numbers here are
     * GUIDED's, never matched by {@link #fromArdu}.
     */
    ORBIT(3, 1, 4, 15);

    public static final int PX4_MAIN_AUTO = 4;

    private final int px4Main;
    private final int px4Sub;
    private final int arduCopter;
    private final int arduRover;

    FlightMode(int px4Main, int px4Sub, int arduCopter, int arduRover) {
        this.px4Main = px4Main;
        this.px4Sub = px4Sub;
        this.arduCopter = arduCopter;
        this.arduRover = arduRover;
    }

    /** HEARTBEAT.custom_mode for this mode on the given stack. */
    public long customMode(AutopilotFlavour flavour, SimVehicleKind kind) {
        if (flavour == AutopilotFlavour.PX4) {
            return ((long) px4Main << 16) | ((long) px4Sub << 24);
        }
        return kind == SimVehicleKind.GROUND_ROVER ? arduRover : arduCopter;
    }

    public boolean isAuto() {
        return px4Main == PX4_MAIN_AUTO || this == OFFBOARD || this == ORBIT;
    }

    /** The mode PX4 means by main mode {@code main} and AUTO sub mode {@code sub}, or null. */
    public static FlightMode fromPx4(int main, int sub) {
        if (main == 2 || main == 3) {
            return POSCTL;
        }
        for (FlightMode m : values()) {
            if (m.px4Main == main && (main != PX4_MAIN_AUTO || m.px4Sub == sub)) {
                return m;
            }
        }
        return null;
    }

    /** The mode ArduPilot means by custom mode {@code number} on a vehicle of {@code kind}, or null. */
    public static FlightMode fromArdu(SimVehicleKind kind, int number) {
        for (FlightMode m : values()) {
            if ((kind == SimVehicleKind.GROUND_ROVER ? m.arduRover : m.arduCopter) == number && m != TAKEOFF && m != ORBIT) {
                return m;
            }
        }
        return null;
    }
}
