package org.skyfleet.fleet.vehicle;

/** What a vehicle is, independent of the wire that reported it. */
public enum VehicleKind {
    MULTICOPTER,
    FIXED_WING,
    VTOL,
    GROUND_ROVER,
    SURFACE_BOAT,
    HELICOPTER,
    OTHER;

    /** True for vehicles that stay on the ground or water and cannot climb. */
    public boolean isSurface() {
        return this == GROUND_ROVER || this == SURFACE_BOAT;
    }
}
