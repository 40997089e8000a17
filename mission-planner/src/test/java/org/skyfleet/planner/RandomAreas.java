package org.skyfleet.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import org.skyfleet.planner.geo.AreaGeometry;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GeoPolygon;

/** Random valid areas from a seed: star-shaped outlines (often concave) with non-overlapping octagonal holes. */
public final class RandomAreas {
  private RandomAreas() {}

  /** Local x,y rings: [0] is the outer ring, the rest are holes; centred on (cx, cy). */
  public static List<double[]> rings(long seed, double cx, double cy, int maxHoles) {
    Random rnd = new Random(seed);
    int n = 5 + rnd.nextInt(10);
    double step = 2 * Math.PI / n;
    double[] outer = new double[2 * n];
    for (int i = 0; i < n; i++) {
      double a = step * i + (rnd.nextDouble() - 0.5) * 0.6 * step;
      double r = 300 + 400 * rnd.nextDouble();
      outer[2 * i] = cx + r * Math.cos(a);
      outer[2 * i + 1] = cy + r * Math.sin(a);
    }
    List<double[]> rings = new ArrayList<>();
    rings.add(outer);
    List<double[]> centres = new ArrayList<>();
    int holes = rnd.nextInt(maxHoles + 1);
    for (int h = 0; h < holes * 5 && centres.size() < holes; h++) {
      double a = rnd.nextDouble() * 2 * Math.PI;
      double d = rnd.nextDouble() * 110;
      double r = 15 + 25 * rnd.nextDouble();
      double x = cx + d * Math.cos(a), y = cy + d * Math.sin(a);
      boolean clear = centres.stream().allMatch(c -> Math.hypot(c[0] - x, c[1] - y) > c[2] + r + 5);
      if (clear) {
        centres.add(new double[] {x, y, r});
        double[] ring = new double[16];
        for (int j = 0; j < 8; j++) {
          ring[2 * j] = x + r * Math.cos(Math.PI / 4 * j + 0.2);
          ring[2 * j + 1] = y + r * Math.sin(Math.PI / 4 * j + 0.2);
        }
        rings.add(ring);
      }
    }
    return rings;
  }

  public static GeoPolygon geo(List<double[]> rings) {
    List<List<GeoPoint>> holes = new ArrayList<>();
    for (int i = 1; i < rings.size(); i++) {
      holes.add(TestAreas.ring(rings.get(i)));
    }
    return new GeoPolygon(TestAreas.ring(rings.get(0)), holes);
  }

  public static Polygon local(List<double[]> rings) {
    var f = AreaGeometry.FACTORY;
    var holes = new org.locationtech.jts.geom.LinearRing[rings.size() - 1];
    for (int i = 1; i < rings.size(); i++) {
      holes[i - 1] = f.createLinearRing(closed(rings.get(i)));
    }
    return f.createPolygon(f.createLinearRing(closed(rings.get(0))), holes);
  }

  private static Coordinate[] closed(double[] xy) {
    Coordinate[] c = new Coordinate[xy.length / 2 + 1];
    for (int i = 0; i < xy.length / 2; i++) {
      c[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
    }
    c[c.length - 1] = new Coordinate(c[0]);
    return c;
  }
}
