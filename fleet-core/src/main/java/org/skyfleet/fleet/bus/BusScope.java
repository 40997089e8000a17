package org.skyfleet.fleet.bus;

import java.util.Objects;
import org.skyfleet.fleet.event.VehicleEvent;
import org.skyfleet.fleet.vehicle.VehicleState;

/**
 * Which part of the fleet a subscriber follows: everything, one vehicle, or one area (a cell or any
 * coarser prefix of it, see {@link AreaCell}). An area applies to states only: events carry no position.
 *
 * @param vehicleId the one vehicle followed, or null
 * @param area      the geohash prefix followed, 1..{@link AreaCell#DEPTH} characters, or null
 */
public record BusScope(String vehicleId, String area) {
    private static final BusScope ALL = new BusScope(null, null);

    public BusScope {
        if (vehicleId != null && area != null) {
            throw new IllegalArgumentException("a scope is one vehicle or one area, not both");
        }
        if (vehicleId != null && vehicleId.isBlank()) {
            throw new IllegalArgumentException("vehicle id must not be blank");
        }
        if (area != null && !AreaCell.isArea(area)) {
            throw new IllegalArgumentException("area must be 1.." + AreaCell.DEPTH + " geohash characters, got '" + area + "'");
        }
    }

    public static BusScope all() {
        return ALL;
    }

    public static BusScope vehicle(String vehicleId) {
        return new BusScope(Objects.requireNonNull(vehicleId, "vehicleId"), null);
    }

    public static BusScope area(String geohashPrefix) {
        return new BusScope(null, Objects.requireNonNull(geohashPrefix, "geohashPrefix"));
    }

    public boolean isAll() {
        return vehicleId == null && area == null;
    }

    public boolean matches(VehicleState s) {
        if (vehicleId != null) {
            return vehicleId.equals(s.vehicleId());
        }
        return area == null || cellOf(s).startsWith(area);
    }

    public boolean matches(VehicleEvent e) {
        if (area != null) {
            throw new IllegalArgumentException("events carry no position: follow all or one vehicle");
        }
        return vehicleId == null || vehicleId.equals(e.vehicleId());
    }

    /** The cell a state is published under. */
    public static String cellOf(VehicleState s) {
        return s.position() == null ? AreaCell.NONE : AreaCell.of(s.position().latDeg(), s.position().lonDeg());
    }
}
