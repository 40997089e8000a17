package org.skyfleet.telemetry.mavlink;

import io.dronefleet.mavlink.common.BatteryStatus;
import io.dronefleet.mavlink.common.MavBatteryChargeState;
import io.dronefleet.mavlink.minimal.Heartbeat;
import java.time.Instant;
import java.time.InstantSource;
import org.skyfleet.fleet.dock.DockBook;
import org.skyfleet.fleet.dock.DockState;

/**
 * What a dock's frames say, into the {@link DockBook}, in SI units. MAVLink defines the dock's HEARTBEAT type and the
 * BATTERY_STATUS fields; it defines nothing for "a vehicle is on the pad" or "a swap is under way", so:
 * <ul>
 *   <li>occupied: the dock reports a pack (BATTERY_STATUS with battery_remaining 0..100) in its latest message, or
 *       bit 0 of the heartbeat's custom_mode is set;</li>
 *   <li>charging: the pack's charge_state is CHARGING, or custom_mode bit 1;</li>
 *   <li>swapping: custom_mode bit 2 (SkyFleet's simulated dock; a dock that does not say so is never "swapping",
 *       and a swap is then seen only as the vehicle's fresh charge).</li>
 * </ul>
 * A heartbeat whose custom_mode says the pad is empty clears the pack's figures.
 */
public final class ChargingStationReports {
    static final long OCCUPIED = 1;
    static final long CHARGING = 2;
    static final long SWAPPING = 4;

    private final DockBook docks;
    private final InstantSource clock;

    public ChargingStationReports(DockBook docks, InstantSource clock) {
        this.docks = docks;
        this.clock = clock;
    }

    public void onDockFrame(String vehicleId, MavlinkFrame frame) {
        Instant now = clock.instant();
        if (frame.payload() instanceof Heartbeat hb) {
            long mode = hb.customMode();
            docks.update(vehicleId, frame.componentId(), now, d -> {
                boolean occupied = (mode & OCCUPIED) != 0;
                return new DockState(vehicleId, frame.componentId(), occupied, (mode & CHARGING) != 0 || occupied && d.charging(),
                        (mode & SWAPPING) != 0, occupied ? d.chargePercent() : Double.NaN, occupied ? d.secondsToFull() : 0,
                        occupied ? d.chargingCurrentA() : 0, now);
            });
        } else if (frame.payload() instanceof BatteryStatus b && b.id() == 0) {
            boolean pack = b.batteryRemaining() >= 0 && b.batteryRemaining() <= 100;
            boolean charging = b.chargeState() != null && b.chargeState().entry() == MavBatteryChargeState.MAV_BATTERY_CHARGE_STATE_CHARGING;
            docks.update(vehicleId, frame.componentId(), now, d -> new DockState(vehicleId, frame.componentId(), pack || d.occupied(),
                    charging, d.swapping(), pack ? b.batteryRemaining() : Double.NaN, Math.max(0, b.timeRemaining()),
                    b.currentBattery() == -1 ? 0 : MavlinkUnits.caToA(b.currentBattery()), now));
        }
    }
}
