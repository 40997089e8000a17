package org.skyfleet.telemetry.mavlink;

import io.dronefleet.mavlink.minimal.Heartbeat;
import java.time.Instant;
import org.skyfleet.fleet.vehicle.AutopilotKind;
import org.skyfleet.fleet.vehicle.FlightStatus;
import org.skyfleet.fleet.vehicle.LandedState;
import org.skyfleet.fleet.vehicle.LinkState;
import org.skyfleet.fleet.vehicle.SystemStatus;
import org.skyfleet.fleet.vehicle.VehicleKind;

/**
 * A vehicle's HEARTBEAT as the domain's {@link FlightStatus}: the link is up as of now, armed from
 * base_mode's safety-armed bit, the flight mode named for the autopilot, MAV_STATE as a {@link SystemStatus}.
 * The heartbeat says nothing about being on the ground, so the landed state is carried over.
 */
public final class HeartbeatStatus {
    /** MAV_MODE_FLAG_SAFETY_ARMED in base_mode. */
    private static final int SAFETY_ARMED = 128;

    private HeartbeatStatus() {
    }

    public static FlightStatus of(Heartbeat hb, AutopilotKind autopilot, VehicleKind kind, LandedState landed, Instant now) {
        int baseMode = hb.baseMode().value();
        boolean armed = (baseMode & SAFETY_ARMED) != 0;
        String mode = FlightModeNames.name(autopilot, kind, baseMode, hb.customMode());
        return new FlightStatus(LinkState.CONNECTED, now, armed, mode, systemStatus(hb.systemStatus().value()), landed);
    }

    /** MAV_STATE 1..8; anything else (0 is UNINIT) is unknown. */
    static SystemStatus systemStatus(int mavState) {
        return switch (mavState) {
            case 1 -> SystemStatus.BOOT;
            case 2 -> SystemStatus.CALIBRATING;
            case 3 -> SystemStatus.STANDBY;
            case 4 -> SystemStatus.ACTIVE;
            case 5 -> SystemStatus.CRITICAL;
            case 6 -> SystemStatus.EMERGENCY;
            case 7 -> SystemStatus.POWEROFF;
            case 8 -> SystemStatus.FLIGHT_TERMINATION;
            default -> SystemStatus.UNKNOWN;
        };
    }
}
