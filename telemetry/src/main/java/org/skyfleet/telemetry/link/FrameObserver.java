package org.skyfleet.telemetry.link;

import org.skyfleet.telemetry.mavlink.MavlinkFrame;

/**
 * Sees every valid frame from a bound vehicle, on the link's thread, after the state is updated.
 * For protocols layered on the link (command acks, mission transfer). Must not block.
 */
@FunctionalInterface
public interface FrameObserver {
    void onFrame(String vehicleId, MavlinkFrame frame);
}
