package org.skyfleet.fleet.geo;

/**
 * GCJ-02 to BD-09 and back. The forward transform is Baidu's published one: a polar perturbation of the
 * GCJ-02 point (radius + 2e-5 sin(lat * 3000 pi / 180), angle + 3e-6 cos(lon * 3000 pi / 180)) then a shift
 * of (0.006, 0.0065) degrees. The usual closed-form reverse leaves centimetres; {@link #toGcj02} refines it
 * by the same fixed-point iteration as {@link Gcj02#toWgs84}.
 */
public final class Bd09 {
    private static final double X_PI = Math.PI * 3000.0 / 180.0;
    private static final double TOLERANCE_DEG = 1e-9;
    private static final int MAX_STEPS = 20;

    private Bd09() {
    }

    public static LatLon fromGcj02(double latDeg, double lonDeg) {
        double z = Math.sqrt(lonDeg * lonDeg + latDeg * latDeg) + 0.00002 * Math.sin(latDeg * X_PI);
        double theta = Math.atan2(latDeg, lonDeg) + 0.000003 * Math.cos(lonDeg * X_PI);
        return new LatLon(z * Math.sin(theta) + 0.006, z * Math.cos(theta) + 0.0065);
    }

    /** The GCJ-02 point whose BD-09 image is the given point, to about 0.1 mm. */
    public static LatLon toGcj02(double latDeg, double lonDeg) {
        double x = lonDeg - 0.0065;
        double y = latDeg - 0.006;
        double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
        double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
        double lat = z * Math.sin(theta);
        double lon = z * Math.cos(theta);
        for (int i = 0; i < MAX_STEPS; i++) {
            LatLon image = fromGcj02(lat, lon);
            double eLat = image.latDeg() - latDeg;
            double eLon = image.lonDeg() - lonDeg;
            if (Math.abs(eLat) < TOLERANCE_DEG && Math.abs(eLon) < TOLERANCE_DEG) {
                break;
            }
            lat -= eLat;
            lon -= eLon;
        }
        return new LatLon(lat, lon);
    }
}
