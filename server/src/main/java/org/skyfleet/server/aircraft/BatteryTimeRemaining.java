package org.skyfleet.server.aircraft;

import io.dronefleet.mavlink.common.BatteryStatus;
import org.skyfleet.fleet.airframe.VehicleEndurance;
import org.skyfleet.telemetry.link.FrameObserver;
import org.skyfleet.telemetry.mavlink.MavlinkFrame;

/**
 * Hands the main battery's BATTERY_STATUS.time_remaining (seconds, 0: not estimated; a MAVLink 2 extension
 * that PX4 fills in flight) to {@link VehicleEndurance}. A map write, on the link's thread.
 */
final class BatteryTimeRemaining implements FrameObserver {
    private final VehicleEndurance endurance;

    BatteryTimeRemaining(VehicleEndurance endurance) {
        this.endurance = endurance;
    }

    @Override
    public void onFrame(String vehicleId, MavlinkFrame frame) {
        if (frame.payload() instanceof BatteryStatus b && b.id() == 0) {
            endurance.reportTimeRemaining(vehicleId, b.timeRemaining());
        }
    }
}
