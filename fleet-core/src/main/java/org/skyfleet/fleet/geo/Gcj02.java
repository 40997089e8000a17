package org.skyfleet.fleet.geo;

/**
 * WGS-84 to GCJ-02 and back. The forward transform is the published one (the form in eviltransform and
 * coordtransform): a polynomial-plus-sines offset in metres of the position relative to (105 E, 35 N),
 * scaled to degrees on the Krasovsky ellipsoid (a = 6 378 245 m). It has no closed inverse; {@link #toWgs84}
 * inverts it by fixed-point iteration, x(k+1) = x(k) - (f(x(k)) - target), which converts in a handful of
 * steps because the offset changes by millimetres over its own 500 m size.
 * <p>Outside China's bounding box the datums agree and points pass unchanged, as every implementation does.
 */
public final class Gcj02 {
    private static final double A = 6_378_245.0;
    private static final double EE = 0.00669342162296594323;
    /** The inverse stops when the forward image is this close to the target: about 1 mm. */
    private static final double TOLERANCE_DEG = 1e-8;
    private static final int MAX_STEPS = 30;

    private Gcj02() {
    }

    /** True where GCJ-02 applies: the rough box around China that the published transform uses. */
    public static boolean inChina(double latDeg, double lonDeg) {
        return lonDeg >= 72.004 && lonDeg <= 137.8347 && latDeg >= 0.8293 && latDeg <= 55.8271;
    }

    public static LatLon fromWgs84(double latDeg, double lonDeg) {
        if (!inChina(latDeg, lonDeg)) {
            return new LatLon(latDeg, lonDeg);
        }
        double x = lonDeg - 105.0;
        double y = latDeg - 35.0;
        double dLat = offsetNorth(x, y);
        double dLon = offsetEast(x, y);
        double rad = Math.toRadians(latDeg);
        double magic = 1 - EE * Math.sin(rad) * Math.sin(rad);
        double sqrtMagic = Math.sqrt(magic);
        dLat = dLat * 180.0 / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = dLon * 180.0 / (A / sqrtMagic * Math.cos(rad) * Math.PI);
        return new LatLon(latDeg + dLat, lonDeg + dLon);
    }

    /** The WGS-84 point whose GCJ-02 image is the given point, to about a millimetre. */
    public static LatLon toWgs84(double latDeg, double lonDeg) {
        double lat = latDeg;
        double lon = lonDeg;
        for (int i = 0; i < MAX_STEPS; i++) {
            LatLon image = fromWgs84(lat, lon);
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

    private static double offsetNorth(double x, double y) {
        double d = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        d += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        d += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        d += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return d;
    }

    private static double offsetEast(double x, double y) {
        double d = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        d += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        d += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        d += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return d;
    }
}
