package org.skyfleet.fleet.vehicle;

import java.time.Instant;

/** Small builders of vehicle states for tests. */
public final class TestVehicles {
    private TestVehicles() {
    }

    public static VehicleState connected(String id, Instant heartbeat) {
        return new VehicleState(new VehicleIdentity(id, VehicleKind.MULTICOPTER, AutopilotKind.PX4, 1, "127.0.0.1:1"),
                new FlightStatus(LinkState.CONNECTED, heartbeat, true, "MISSION", SystemStatus.ACTIVE, LandedState.IN_AIR),
                null, null, null, null, null, null, 0);
    }

    public static BatterySample battery(double percent) {
        return new BatterySample(percent, 15.2, 12.0, Instant.EPOCH);
    }

    public static GpsSample gps(GpsFix fix) {
        return new GpsSample(fix, 9, 0.9, Instant.EPOCH);
    }
}
