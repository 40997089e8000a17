package org.skyfleet.fleet.geo;

/**
 * Converts a point between any two of {@link Datum}'s datums, through GCJ-02 where BD-09 is involved.
 * Outside China's box ({@link Gcj02#inChina}) the three agree and a point is returned unchanged: GCJ-02 is
 * defined only inside, and Baidu draws its maps abroad in WGS-84.
 */
public final class DatumConversion {
    private DatumConversion() {
    }

    public static LatLon convert(Datum from, Datum to, double latDeg, double lonDeg) {
        if (!Double.isFinite(latDeg) || !Double.isFinite(lonDeg) || Math.abs(latDeg) > 90 || Math.abs(lonDeg) > 180) {
            throw new IllegalArgumentException("not a point: " + latDeg + ", " + lonDeg
                    + " (latitude -90..90, longitude -180..180, in degrees)");
        }
        if (from == to || !Gcj02.inChina(latDeg, lonDeg)) {
            return new LatLon(latDeg, lonDeg);
        }
        LatLon wgs = switch (from) {
            case WGS84 -> new LatLon(latDeg, lonDeg);
            case GCJ02 -> Gcj02.toWgs84(latDeg, lonDeg);
            case BD09 -> {
                LatLon gcj = Bd09.toGcj02(latDeg, lonDeg);
                yield Gcj02.toWgs84(gcj.latDeg(), gcj.lonDeg());
            }
        };
        return switch (to) {
            case WGS84 -> wgs;
            case GCJ02 -> Gcj02.fromWgs84(wgs.latDeg(), wgs.lonDeg());
            case BD09 -> {
                LatLon gcj = Gcj02.fromWgs84(wgs.latDeg(), wgs.lonDeg());
                yield Bd09.fromGcj02(gcj.latDeg(), gcj.lonDeg());
            }
        };
    }
}
