package org.skyfleet.planner.geo;


/** Distances on the WGS84 mean sphere: well within a metre per kilometre at dispatch distances. */
public final class GreatCircle {
    private static final double EARTH_RADIUS_M = 6_371_008.8;

    private GreatCircle() {
    }

    /** Haversine distance, metres. */
    public static double distanceM(GeoPoint a, GeoPoint b) {
        double p1 = Math.toRadians(a.latDeg());
        double p2 = Math.toRadians(b.latDeg());
        double dp = p2 - p1;
        double dl = Math.toRadians(b.lonDeg() - a.lonDeg());
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
