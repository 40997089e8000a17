package org.skyfleet.cluster;

import java.util.function.Consumer;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.telemetry.link.LinkGate;

/**
 * Keeps the states other nodes publish in this node's registry, so a commander here lists, reads and
 * commands every vehicle of the fleet. The states of vehicles this node holds are its own and are left alone.
 */
final class RemoteVehicleMirror implements Consumer<VehicleState> {
    private final VehicleRegistry registry;
    private final LinkGate gate;

    RemoteVehicleMirror(VehicleRegistry registry, LinkGate gate) {
        this.registry = registry;
        this.gate = gate;
    }

    @Override
    public void accept(VehicleState s) {
        if (!gate.holds(s.vehicleId())) {
            registry.mirror(s);
        }
    }
}
