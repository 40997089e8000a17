package org.skyfleet.fleet.geofence;

/**
 * A point on the WGS84 ellipsoid surface in Earth-centred Earth-fixed metres. Computed once per query
 * position so that projecting it into each candidate zone's {@link EnuFrame} costs no trigonometry.
 */
record Ecef(double x, double y, double z) {
    private static final double A = 6_378_137.0;
    private static final double F = 1 / 298.257223563;
    private static final double E2 = F * (2 - F);

    /** The surface point below WGS84 {@code latDeg, lonDeg}. */
    static Ecef of(double latDeg, double lonDeg) {
        double lat = Math.toRadians(latDeg);
        double lon = Math.toRadians(lonDeg);
        double s = Math.sin(lat);
        double c = Math.cos(lat);
        double n = A / Math.sqrt(1 - E2 * s * s);
        return new Ecef(n * c * Math.cos(lon), n * c * Math.sin(lon), n * (1 - E2) * s);
    }
}
