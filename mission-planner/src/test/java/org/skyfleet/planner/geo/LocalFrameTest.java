package org.skyfleet.planner.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.skyfleet.planner.PlanningException;

class LocalFrameTest {
  private final LocalFrame frame = new LocalFrame(new GeoPoint(47.3769, 8.5417));

  @Test
  void roundTripIsBelowAMillimetreOverTenKilometres() {
    for (double e = -10_000; e <= 10_000; e += 2_500) {
      for (double n = -10_000; n <= 10_000; n += 2_500) {
        Coordinate back = frame.toLocal(frame.toGeo(e, n));
        assertThat(back.distance(new Coordinate(e, n))).isLessThan(1e-3);
      }
    }
  }

  @Test
  void distancesMatchTheEllipsoidWithinHalfAMetreOverTenKilometres() {
    GeoPoint a = new GeoPoint(47.33, 8.48);
    GeoPoint[] others = {new GeoPoint(47.42, 8.48), new GeoPoint(47.33, 8.61), new GeoPoint(47.40, 8.58)};
    for (GeoPoint b : others) {
      double planar = frame.toLocal(a).distance(frame.toLocal(b));
      double geodesic = Vincenty.distanceM(a, b);
      assertThat(geodesic).isGreaterThan(7_000);
      assertThat(Math.abs(planar - geodesic)).isLessThan(0.5);
    }
  }

  @Test
  void originMapsToZeroAndNorthIsPositiveY() {
    assertThat(frame.toLocal(frame.origin()).distance(new Coordinate(0, 0))).isLessThan(1e-6);
    Coordinate north = frame.toLocal(new GeoPoint(47.3869, 8.5417));
    assertThat(north.y).isCloseTo(1_111.6, org.assertj.core.data.Offset.offset(2.0));
    assertThat(Math.abs(north.x)).isLessThan(1e-3);
  }

  @Test
  void pointsOutOfRangeOrNotNumbersAreRejectedByName() {
    assertThatThrownBy(() -> new GeoPoint(91, 8).validate("datum"))
        .isInstanceOf(PlanningException.class).hasMessageContaining("datum").hasMessageContaining("-90..90");
    assertThatThrownBy(() -> new GeoPoint(47, -180.5).validate("home"))
        .hasMessageContaining("home").hasMessageContaining("-180..180");
    assertThatThrownBy(() -> new GeoPoint(Double.NaN, 8).validate("start"))
        .isInstanceOfSatisfying(PlanningException.class,
            e -> assertThat(e.kind()).isEqualTo(PlanningException.Kind.INVALID_ARGUMENT));
  }

  /** Vincenty's inverse formula on WGS84, the reference for geodesic distance. */
  static final class Vincenty {
    static double distanceM(GeoPoint p1, GeoPoint p2) {
      double a = 6378137, f = 1 / 298.257223563, b = a * (1 - f);
      double l = Math.toRadians(p2.lonDeg() - p1.lonDeg());
      double u1 = Math.atan((1 - f) * Math.tan(Math.toRadians(p1.latDeg())));
      double u2 = Math.atan((1 - f) * Math.tan(Math.toRadians(p2.latDeg())));
      double sinU1 = Math.sin(u1), cosU1 = Math.cos(u1), sinU2 = Math.sin(u2), cosU2 = Math.cos(u2);
      double lambda = l, sinSigma, cosSigma, sigma, cos2Alpha, cos2SigmaM;
      int iter = 0;
      do {
        double sinL = Math.sin(lambda), cosL = Math.cos(lambda);
        sinSigma = Math.sqrt(Math.pow(cosU2 * sinL, 2) + Math.pow(cosU1 * sinU2 - sinU1 * cosU2 * cosL, 2));
        cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosL;
        sigma = Math.atan2(sinSigma, cosSigma);
        double sinAlpha = cosU1 * cosU2 * sinL / sinSigma;
        cos2Alpha = 1 - sinAlpha * sinAlpha;
        cos2SigmaM = cosSigma - 2 * sinU1 * sinU2 / cos2Alpha;
        double c = f / 16 * cos2Alpha * (4 + f * (4 - 3 * cos2Alpha));
        double prev = lambda;
        lambda = l + (1 - c) * f * sinAlpha
            * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
        if (Math.abs(lambda - prev) < 1e-12) {
          break;
        }
      } while (++iter < 200);
      double uSq = cos2Alpha * (a * a - b * b) / (b * b);
      double bigA = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
      double bigB = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
      double deltaSigma = bigB * sinSigma * (cos2SigmaM + bigB / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
          - bigB / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
      return b * bigA * (sigma - deltaSigma);
    }
  }
}
