package org.skyfleet.fleet.geofence;

import org.locationtech.jts.geom.Coordinate;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * A local east-north tangent plane around an origin: the same orthographic projection as the planner's
 * {@link org.skyfleet.planner.geo.LocalFrame} (below 1 cm of distance error over 10 km), split so that a
 * point's ECEF position is computed once and then rotated into any number of frames with nine
 * multiply-adds each.
 */
final class EnuFrame {
    private final Ecef origin;
    private final double sinLat0;
    private final double cosLat0;
    private final double sinLon0;
    private final double cosLon0;

    EnuFrame(GeoPoint origin) {
        this.origin = Ecef.of(origin.latDeg(), origin.lonDeg());
        double lat0 = Math.toRadians(origin.latDeg());
        double lon0 = Math.toRadians(origin.lonDeg());
        sinLat0 = Math.sin(lat0);
        cosLat0 = Math.cos(lat0);
        sinLon0 = Math.sin(lon0);
        cosLon0 = Math.cos(lon0);
    }

    /** Metres east (x) and north (y) of the origin. */
    Coordinate toLocal(Ecef p) {
        double dx = p.x() - origin.x();
        double dy = p.y() - origin.y();
        double dz = p.z() - origin.z();
        double east = -sinLon0 * dx + cosLon0 * dy;
        double north = -sinLat0 * cosLon0 * dx - sinLat0 * sinLon0 * dy + cosLat0 * dz;
        return new Coordinate(east, north);
    }

    Coordinate toLocal(GeoPoint p) {
        return toLocal(Ecef.of(p.latDeg(), p.lonDeg()));
    }
}
