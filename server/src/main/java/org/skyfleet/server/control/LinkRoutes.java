package org.skyfleet.server.control;

import java.util.Map;
import java.util.Optional;

/**
 * Finds the per-link instance (command sender, mission transfer) for a vehicle: MAVLink vehicle ids
 * are {@code mav-<link>-<system id>}, so the id names the link the vehicle speaks over.
 */
public final class LinkRoutes<T> {
    private final Map<String, T> byLinkName;

    public LinkRoutes(Map<String, T> byLinkName) {
        this.byLinkName = Map.copyOf(byLinkName);
    }

    public Optional<T> forVehicle(String vehicleId) {
        for (Map.Entry<String, T> e : byLinkName.entrySet()) {
            if (vehicleId.startsWith("mav-" + e.getKey() + "-")) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }
}
