package org.skyfleet.server.aircraft;

import java.time.Instant;
import org.skyfleet.fleet.control.Operator;

/**
 * Where an operator's battery swap goes: the automation holds the vehicle back until the vehicle reports the fresh
 * charge, records the pack, and sends it again. The gRPC edge ({@link DockGrpcService}) calls it.
 */
public interface BatterySwapRequests {
    /** What the automation will wait for. */
    record SwapTicket(String vehicleId, double percentAtRequest, double freshPercent, Instant confirmBy, String incidentId) {
    }

    /**
     * Starts waiting for a swap of the vehicle's pack.
     *
     * @param packId the pack going in (serial or label), or empty
     * @throws IllegalArgumentException for an empty vehicle id
     * @throws java.util.NoSuchElementException for an unknown vehicle or pack
     * @throws IllegalStateException    if the vehicle is armed or flying, already charged fresh, or in a swap already
     */
    SwapTicket requestSwap(Operator by, String vehicleId, String packId, String reason);
}
