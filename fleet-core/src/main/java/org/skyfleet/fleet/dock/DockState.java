package org.skyfleet.fleet.dock;

import java.time.Instant;

/**
 * A dock as last heard.
 *
 * @param vehicleId       the vehicle whose system the dock is a component of
 * @param componentId     its MAVLink component id
 * @param occupied        a vehicle stands on the pad (the dock reports the pack on it)
 * @param charging        it charges the pack on the pad (BATTERY_STATUS charge_state CHARGING)
 * @param swapping        a pack swap is under way
 * @param chargePercent   charge of the pack on the pad, 0..100; NaN when nothing stands on it
 * @param secondsToFull   the dock's estimate of the time until the pack is full, seconds; 0 when not known or full
 * @param chargingCurrentA current into the pack, amperes
 * @param lastHeard       when the dock's latest HEARTBEAT or BATTERY_STATUS came in
 */
public record DockState(String vehicleId, int componentId, boolean occupied, boolean charging, boolean swapping,
                        double chargePercent, int secondsToFull, double chargingCurrentA, Instant lastHeard) {

    /** A dock heard from, before it said anything about a pack. */
    public static DockState heard(String vehicleId, int componentId, Instant at) {
        return new DockState(vehicleId, componentId, false, false, false, Double.NaN, 0, 0, at);
    }
}
