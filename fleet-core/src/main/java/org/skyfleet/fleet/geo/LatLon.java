package org.skyfleet.fleet.geo;

/** A point in some datum, in degrees. */
public record LatLon(double latDeg, double lonDeg) {
    private static final double METRES_PER_DEGREE = 111_320;

    /** The distance to another point in metres, on a local flat approximation (good to 0.1 % within kilometres). */
    public double distanceM(LatLon o) {
        double north = (o.latDeg - latDeg) * METRES_PER_DEGREE;
        double east = (o.lonDeg - lonDeg) * METRES_PER_DEGREE * Math.cos(Math.toRadians((o.latDeg + latDeg) / 2));
        return Math.hypot(north, east);
    }
}
