package org.skyfleet.simulator.wire;

import io.dronefleet.mavlink.common.BatteryStatus;
import io.dronefleet.mavlink.common.MavBatteryChargeState;
import io.dronefleet.mavlink.common.MavBatteryFunction;
import io.dronefleet.mavlink.common.MavBatteryType;
import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.minimal.MavAutopilot;
import io.dronefleet.mavlink.minimal.MavState;
import io.dronefleet.mavlink.minimal.MavType;
import java.util.List;
import org.skyfleet.simulator.dock.Dock;
import org.skyfleet.simulator.vehicle.SimVehicle;

/**
 * What a dock says on its vehicle's link, once a second, as component {@link #DOCK_COMPONENT} of the vehicle's
 * system: a HEARTBEAT of type MAV_TYPE_CHARGING_STATION (no autopilot) whose custom_mode carries the dock's
 * state in bits ({@link #OCCUPIED} a vehicle on the pad, {@link #CHARGING} charging it, {@link #SWAPPING} a pack
 * swap under way; system status ACTIVE while it works, STANDBY otherwise), and, while a vehicle stands on it,
 * a BATTERY_STATUS of the pack on the pad: charge, charging current (positive: into the pack), charge state
 * CHARGING while charging, and time_remaining as the seconds until full.
 */
final class DockMessages {
    /** MAV_COMP_ID_USER1: MAVLink has no component id for a dock. */
    static final int DOCK_COMPONENT = 25;
    static final long OCCUPIED = 1;
    static final long CHARGING = 2;
    static final long SWAPPING = 4;

    private DockMessages() {
    }

    static Heartbeat heartbeat(Dock dock) {
        long mode = switch (dock.phase()) {
            case EMPTY -> 0;
            case OCCUPIED -> OCCUPIED;
            case CHARGING -> OCCUPIED | CHARGING;
            case SWAPPING -> (dock.occupied() ? OCCUPIED : 0) | SWAPPING;
        };
        boolean working = dock.phase() == Dock.Phase.CHARGING || dock.phase() == Dock.Phase.SWAPPING;
        return Heartbeat.builder().type(MavType.MAV_TYPE_CHARGING_STATION).autopilot(MavAutopilot.MAV_AUTOPILOT_INVALID)
                .customMode(mode).systemStatus(working ? MavState.MAV_STATE_ACTIVE : MavState.MAV_STATE_STANDBY)
                .mavlinkVersion(3).build();
    }

    /** The pack on the pad, or null when the pad is empty. */
    static BatteryStatus battery(Dock dock, SimVehicle v) {
        if (!dock.occupied()) {
            return null;
        }
        boolean charging = dock.phase() == Dock.Phase.CHARGING;
        double ratePercentPerS = charging ? dock.curve().ratePercentPerS(v.batteryPercent()) : 0;
        // percent per second of a pack of C mAh is C * 36 mA; BATTERY_STATUS counts centiamperes
        int currentCa = (int) Math.round(ratePercentPerS * v.battery().ratedCapacityMah() * 36 / 10.0);
        return BatteryStatus.builder().id(0).batteryFunction(MavBatteryFunction.MAV_BATTERY_FUNCTION_ALL)
                .type(MavBatteryType.MAV_BATTERY_TYPE_LIPO).temperature(2500)
                .voltages(List.of(v.battery().voltageMv(), 65535, 65535, 65535, 65535, 65535, 65535, 65535, 65535, 65535))
                .currentBattery(currentCa).currentConsumed(-1).energyConsumed(-1)
                .batteryRemaining((int) Math.round(v.batteryPercent()))
                .timeRemaining((int) Math.round(dock.secondsToFull(v.batteryPercent())))
                .chargeState(charging ? MavBatteryChargeState.MAV_BATTERY_CHARGE_STATE_CHARGING
                        : MavBatteryChargeState.MAV_BATTERY_CHARGE_STATE_OK).build();
    }
}
