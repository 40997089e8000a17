package org.skyfleet.fleet.geofence;

import java.util.EnumSet;
import java.util.Set;
import org.skyfleet.fleet.vehicle.VehicleKind;

/**
 * Which vehicles a zone applies to: the listed vehicle ids and every vehicle of the listed kinds. Both
 * empty means every vehicle.
 *
 * @param vehicleIds   vehicles named one by one
 * @param vehicleKinds kinds of vehicle
 */
public record ZoneApplicability(Set<String> vehicleIds, Set<VehicleKind> vehicleKinds) {

    private static final ZoneApplicability ALL = new ZoneApplicability(Set.of(), Set.of());

    public ZoneApplicability {
        vehicleIds = vehicleIds == null ? Set.of() : Set.copyOf(vehicleIds);
        vehicleKinds = vehicleKinds == null || vehicleKinds.isEmpty() ? Set.of()
                : Set.copyOf(EnumSet.copyOf(vehicleKinds));
    }

    /** Every vehicle. */
    public static ZoneApplicability all() {
        return ALL;
    }

    /** Only vehicles of these kinds. */
    public static ZoneApplicability kinds(VehicleKind first, VehicleKind... rest) {
        return new ZoneApplicability(Set.of(), EnumSet.of(first, rest));
    }

    /** Only these vehicles. */
    public static ZoneApplicability vehicles(String... vehicleIds) {
        return new ZoneApplicability(Set.of(vehicleIds), Set.of());
    }

    /** True when the zone applies to this vehicle; a null kind matches only by id (or "all"). */
    public boolean appliesTo(String vehicleId, VehicleKind kind) {
        if (vehicleIds.isEmpty() && vehicleKinds.isEmpty()) {
            return true;
        }
        return vehicleId != null && vehicleIds.contains(vehicleId) || kind != null && vehicleKinds.contains(kind);
    }
}
