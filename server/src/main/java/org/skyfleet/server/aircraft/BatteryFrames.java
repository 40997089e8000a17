package org.skyfleet.server.aircraft;

import io.dronefleet.mavlink.common.Attitude;
import io.dronefleet.mavlink.common.BatteryStatus;
import io.dronefleet.mavlink.common.GlobalPositionInt;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.skyfleet.fleet.airframe.VehicleEndurance;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.telemetry.link.FrameObserver;
import org.skyfleet.telemetry.mavlink.MavlinkFrame;

/**
 * What a vehicle's main battery reports, handed on as it arrives: BATTERY_STATUS.time_remaining (seconds, 0:
 * not estimated; a MAVLink 2 extension PX4 fills in flight) to {@link VehicleEndurance}, and its charge to the
 * consumption learner, stamped with the vehicle's own time since boot (from the latest GLOBAL_POSITION_INT or
 * ATTITUDE), so the learned rates are per second of the vehicle's flight. Map reads and writes, on the link's thread.
 */
final class BatteryFrames implements FrameObserver {
    private final VehicleEndurance endurance;
    private final VehicleRegistry registry;
    /** The latest time since boot each vehicle stamped a message with, milliseconds. */
    private final Map<String, Long> bootMs = new ConcurrentHashMap<>();

    BatteryFrames(VehicleEndurance endurance, VehicleRegistry registry) {
        this.endurance = endurance;
        this.registry = registry;
    }

    @Override
    public void onFrame(String vehicleId, MavlinkFrame frame) {
        Object p = frame.payload();
        if (p instanceof GlobalPositionInt g) {
            bootMs.put(vehicleId, g.timeBootMs());
        } else if (p instanceof Attitude a) {
            bootMs.put(vehicleId, a.timeBootMs());
        } else if (p instanceof BatteryStatus b && b.id() == 0) {
            endurance.reportTimeRemaining(vehicleId, b.timeRemaining());
            Long t = bootMs.get(vehicleId);
            if (t != null && b.batteryRemaining() >= 0 && b.batteryRemaining() <= 100) {
                endurance.learner().onBattery(vehicleId, b.batteryRemaining(), t, registry.find(vehicleId).orElse(null));
            }
        }
    }
}
