package org.skyfleet.simulator.world;

/**
 * A local tangent plane (east, north in metres) around an origin, accurate to well under a metre
 * within tens of kilometres: enough for vehicles flying around a home point.
 */
public record LocalFrame(double originLatDeg, double originLonDeg) {
    private static final double METRES_PER_DEG_LAT = 111_320.0;

    public LocalFrame {
        if (!(originLatDeg >= -85 && originLatDeg <= 85) || !(originLonDeg >= -180 && originLonDeg <= 180)) {
            throw new IllegalArgumentException("origin must be a finite WGS84 point within +-85 deg latitude, got "
                    + originLatDeg + ", " + originLonDeg);
        }
    }

    public double latDeg(double northM) {
        return originLatDeg + northM / METRES_PER_DEG_LAT;
    }

    public double lonDeg(double eastM) {
        return originLonDeg + eastM / (METRES_PER_DEG_LAT * Math.cos(Math.toRadians(originLatDeg)));
    }

    public double northM(double latDeg) {
        return (latDeg - originLatDeg) * METRES_PER_DEG_LAT;
    }

    public double eastM(double lonDeg) {
        return (lonDeg - originLonDeg) * METRES_PER_DEG_LAT * Math.cos(Math.toRadians(originLatDeg));
    }
}
