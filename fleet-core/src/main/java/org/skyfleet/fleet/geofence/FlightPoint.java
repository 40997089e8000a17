package org.skyfleet.fleet.geofence;

/**
 * Where a vehicle is (or will be) for a geofence check.
 *
 * @param latDeg   WGS84 latitude, degrees
 * @param lonDeg   WGS84 longitude, degrees
 * @param altRelM  metres above home
 * @param altAmslM metres above mean sea level, NaN when unknown (AMSL bands then count it as inside)
 */
public record FlightPoint(double latDeg, double lonDeg, double altRelM, double altAmslM) {
    private static final double A = 6_378_137.0;
    private static final double E2 = (1 / 298.257223563) * (2 - 1 / 298.257223563);

    /** A point whose altitude is known only relative to home. */
    public static FlightPoint relative(double latDeg, double lonDeg, double altRelM) {
        return new FlightPoint(latDeg, lonDeg, altRelM, Double.NaN);
    }

    /**
     * This point moved by metres east, north and up, on the local tangent plane (exact to millimetres
     * over the few hundred metres a breach horizon spans).
     */
    public FlightPoint moved(double eastM, double northM, double upM) {
        double s = Math.sin(Math.toRadians(latDeg));
        double w = Math.sqrt(1 - E2 * s * s);
        double meridianRadiusM = A * (1 - E2) / (w * w * w);
        double primeVerticalRadiusM = A / w;
        double cosLat = Math.max(Math.cos(Math.toRadians(latDeg)), 1e-6);
        return new FlightPoint(latDeg + Math.toDegrees(northM / meridianRadiusM),
                lonDeg + Math.toDegrees(eastM / (primeVerticalRadiusM * cosLat)),
                altRelM + upM, altAmslM + upM);
    }

    /** The point a fraction {@code s} (0..1) of the way to {@code other}, straight in every coordinate. */
    public FlightPoint towards(FlightPoint other, double s) {
        return new FlightPoint(latDeg + (other.latDeg - latDeg) * s, lonDeg + (other.lonDeg - lonDeg) * s,
                altRelM + (other.altRelM - altRelM) * s, altAmslM + (other.altAmslM - altAmslM) * s);
    }
}
