package org.skyfleet.telemetry.link;

import org.skyfleet.telemetry.mavlink.MavlinkFrame;

/**
 * Sees the frames of a vehicle's dock: a component of the vehicle's system that announced itself with a HEARTBEAT
 * of type MAV_TYPE_CHARGING_STATION. Those frames are not the vehicle's own (a dock's BATTERY_STATUS is the pack on
 * its pad), so they never reach the vehicle's state or its {@link FrameObserver}s. On the link's thread; must not block.
 */
@FunctionalInterface
public interface DockObserver {
    void onDockFrame(String vehicleId, MavlinkFrame frame);
}
