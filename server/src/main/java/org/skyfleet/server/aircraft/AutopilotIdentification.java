package org.skyfleet.server.aircraft;

import io.dronefleet.mavlink.common.AutopilotVersion;
import java.util.concurrent.Executor;
import org.skyfleet.fleet.airframe.Airframes;
import org.skyfleet.telemetry.link.FrameObserver;
import org.skyfleet.telemetry.mavlink.MavlinkFrame;

/**
 * Binds a vehicle to the profile its AUTOPILOT_VERSION names (vendor and product id), unless an operator
 * bound it. The link asks each vehicle for AUTOPILOT_VERSION when it connects; the binding writes to the
 * store, so it runs on {@code writer}, never on the link's thread. (COMPONENT_INFORMATION carries only the
 * URI of a metadata file fetched over MAVLink FTP, which SkyFleet does not speak, so it is not used.)
 */
public final class AutopilotIdentification implements FrameObserver {
    private final Airframes airframes;
    private final Executor writer;

    public AutopilotIdentification(Airframes airframes, Executor writer) {
        this.airframes = airframes;
        this.writer = writer;
    }

    @Override
    public void onFrame(String vehicleId, MavlinkFrame frame) {
        if (frame.payload() instanceof AutopilotVersion v && frame.componentId() == 1) {
            int vendor = v.vendorId();
            int product = v.productId();
            writer.execute(() -> airframes.identify(vehicleId, vendor, product));
        }
    }
}
