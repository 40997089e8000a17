package org.skyfleet.server.aircraft;

import io.dronefleet.mavlink.common.SmartBatteryInfo;
import java.util.concurrent.Executor;
import org.skyfleet.fleet.battery.BatteryPacks;
import org.skyfleet.telemetry.link.FrameObserver;
import org.skyfleet.telemetry.mavlink.MavlinkFrame;

/**
 * The main pack's SMART_BATTERY_INFO (serial, cycle count, full and rated capacity in mAh; the link asks for
 * it when a vehicle connects) to {@link BatteryPacks}, on {@code writer}: it may write to the store.
 */
final class SmartBatteryReports implements FrameObserver {
    private final BatteryPacks packs;
    private final Executor writer;

    SmartBatteryReports(BatteryPacks packs, Executor writer) {
        this.packs = packs;
        this.writer = writer;
    }

    @Override
    public void onFrame(String vehicleId, MavlinkFrame frame) {
        if (frame.payload() instanceof SmartBatteryInfo b && b.id() == 0) {
            String serial = b.serialNumber() == null ? "" : b.serialNumber().strip();
            // -1: not known (cycle count); 0 or -1: not known (capacities), as the message defines them
            int cycles = b.cycleCount() == 65535 ? -1 : b.cycleCount();
            double full = b.capacityFull() > 0 ? b.capacityFull() : 0;
            double rated = b.capacityFullSpecification() > 0 ? b.capacityFullSpecification() : 0;
            writer.execute(() -> packs.reported(vehicleId, serial, cycles, full, rated));
        }
    }
}
