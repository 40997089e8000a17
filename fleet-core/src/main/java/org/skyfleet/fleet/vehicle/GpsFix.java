package org.skyfleet.fleet.vehicle;

/** GNSS fix quality, ordered from worst to best. */
public enum GpsFix {
    UNKNOWN,
    NO_FIX,
    FIX_2D,
    FIX_3D,
    DGPS,
    RTK_FLOAT,
    RTK_FIXED;

    /** A 3D fix or better: good enough to navigate by. */
    public boolean isNavigable() {
        return compareTo(FIX_3D) >= 0;
    }
}
