package org.skyfleet.simulator.scenario;

/** A WGS84 point: latitude -90..90 and longitude -180..180, degrees. */
public record GeoPoint(double latDeg, double lonDeg) {
    public GeoPoint {
        if (!(latDeg >= -90 && latDeg <= 90 && lonDeg >= -180 && lonDeg <= 180)) {
            throw new IllegalArgumentException("not a WGS84 point: " + latDeg + ", " + lonDeg);
        }
    }
}
