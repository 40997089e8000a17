package org.skyfleet.fleet.vessel;

import java.time.Duration;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * Where a vessel should be now from where it was, its course and its speed: the destination point along a
 * great circle (spherical Earth, radius 6,371 km; exact to metres over the few kilometres a silent boat
 * covers). A vessel without a known course or speed stays where it was.
 */
public final class DeadReckoning {
    private static final double EARTH_RADIUS_M = 6_371_000;

    private DeadReckoning() {
    }

    public static GeoPoint predict(double latDeg, double lonDeg, double speedMps, double courseDeg, Duration elapsed) {
        if (Double.isNaN(speedMps) || Double.isNaN(courseDeg) || speedMps <= 0 || elapsed.isNegative()) {
            return new GeoPoint(latDeg, lonDeg);
        }
        double delta = speedMps * elapsed.toMillis() / 1000.0 / EARTH_RADIUS_M; // angular distance
        double theta = Math.toRadians(courseDeg);
        double phi1 = Math.toRadians(latDeg);
        double lambda1 = Math.toRadians(lonDeg);
        double phi2 = Math.asin(Math.sin(phi1) * Math.cos(delta) + Math.cos(phi1) * Math.sin(delta) * Math.cos(theta));
        double lambda2 = lambda1 + Math.atan2(Math.sin(theta) * Math.sin(delta) * Math.cos(phi1),
                Math.cos(delta) - Math.sin(phi1) * Math.sin(phi2));
        return new GeoPoint(Math.toDegrees(phi2), (Math.toDegrees(lambda2) + 540) % 360 - 180);
    }

    /** Where {@code v} should be at {@code now}, from its last position; null if it never gave one. */
    public static GeoPoint predict(Vessel v, java.time.Instant now) {
        if (!v.hasPosition()) {
            return null;
        }
        return predict(v.latDeg(), v.lonDeg(), v.speedMps(), v.courseDeg(), Duration.between(v.positionTime(), now));
    }

    /** Great-circle distance in metres. */
    public static double distanceM(double lat1, double lon1, double lat2, double lon2) {
        double dPhi = Math.toRadians(lat2 - lat1);
        double dLambda = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
