package org.skyfleet.planner.geo;

import org.locationtech.jts.geom.Coordinate;

/**
 * A local east-north tangent plane around an origin on the WGS84 ellipsoid.
 *
 * <p>Forward: the point on the ellipsoid surface is taken to Earth-centred Earth-fixed coordinates,
 * shifted by the origin and rotated into east/north/up; "up" is dropped (orthographic projection onto
 * the tangent plane). Over 10 km the distance error of this projection is below 1 cm. Inverse: Newton
 * iteration on the forward map from an equirectangular first guess, to below 1 mm.
 *
 * <p>Degenerate cases: the frame is meaningless near the poles (|lat| above 85 degrees is refused by
 * {@link AreaGeometry}) and for points more than a few hundred kilometres from the origin.
 */
public final class LocalFrame {
  private static final double A = 6_378_137.0;
  private static final double F = 1 / 298.257223563;
  private static final double E2 = F * (2 - F);

  private final GeoPoint origin;
  private final double sinLat0;
  private final double cosLat0;
  private final double sinLon0;
  private final double cosLon0;
  private final double[] ecef0;
  private final double meridianRadius;
  private final double primeVerticalRadius;

  public LocalFrame(GeoPoint origin) {
    this.origin = origin;
    double lat0 = Math.toRadians(origin.latDeg());
    double lon0 = Math.toRadians(origin.lonDeg());
    sinLat0 = Math.sin(lat0);
    cosLat0 = Math.cos(lat0);
    sinLon0 = Math.sin(lon0);
    cosLon0 = Math.cos(lon0);
    ecef0 = ecef(lat0, lon0);
    double w = Math.sqrt(1 - E2 * sinLat0 * sinLat0);
    primeVerticalRadius = A / w;
    meridianRadius = A * (1 - E2) / (w * w * w);
  }

  public GeoPoint origin() {
    return origin;
  }

  /** Projects a WGS84 point to metres east (x) and north (y) of the origin. */
  public Coordinate toLocal(GeoPoint p) {
    double[] e = ecef(Math.toRadians(p.latDeg()), Math.toRadians(p.lonDeg()));
    double dx = e[0] - ecef0[0];
    double dy = e[1] - ecef0[1];
    double dz = e[2] - ecef0[2];
    double east = -sinLon0 * dx + cosLon0 * dy;
    double north = -sinLat0 * cosLon0 * dx - sinLat0 * sinLon0 * dy + cosLat0 * dz;
    return new Coordinate(east, north);
  }

  /** Inverse of {@link #toLocal}: metres east/north of the origin back to WGS84. */
  public GeoPoint toGeo(double eastM, double northM) {
    double lat = origin.latDeg() + Math.toDegrees(northM / meridianRadius);
    double lon = origin.lonDeg() + Math.toDegrees(eastM / (primeVerticalRadius * Math.max(cosLat0, 1e-6)));
    for (int i = 0; i < 8; i++) {
      Coordinate c = toLocal(new GeoPoint(lat, lon));
      double de = eastM - c.x;
      double dn = northM - c.y;
      double cosLat = Math.max(Math.cos(Math.toRadians(lat)), 1e-6);
      lat += Math.toDegrees(dn / meridianRadius);
      lon += Math.toDegrees(de / (primeVerticalRadius * cosLat));
      if (Math.abs(de) < 1e-5 && Math.abs(dn) < 1e-5) {
        break;
      }
    }
    if (lon > 180) {
      lon -= 360;
    } else if (lon < -180) {
      lon += 360;
    }
    return new GeoPoint(lat, lon);
  }

  public GeoPoint toGeo(Coordinate c) {
    return toGeo(c.x, c.y);
  }

  private static double[] ecef(double lat, double lon) {
    double s = Math.sin(lat);
    double n = A / Math.sqrt(1 - E2 * s * s);
    double c = Math.cos(lat);
    return new double[] {n * c * Math.cos(lon), n * c * Math.sin(lon), n * (1 - E2) * s};
  }
}
