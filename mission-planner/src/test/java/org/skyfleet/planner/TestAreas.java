package org.skyfleet.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GeoPolygon;
import org.skyfleet.planner.geo.LocalFrame;

/** Test and benchmark areas, built in metres around a fixed origin and projected to WGS84. */
public final class TestAreas {
  public static final GeoPoint ORIGIN = new GeoPoint(47.3769, 8.5417);
  public static final LocalFrame FRAME = new LocalFrame(ORIGIN);

  private TestAreas() {}

  /** A ring from local x,y pairs in metres. */
  public static List<GeoPoint> ring(double... xy) {
    List<GeoPoint> out = new ArrayList<>();
    for (int i = 0; i < xy.length; i += 2) {
      out.add(FRAME.toGeo(xy[i], xy[i + 1]));
    }
    return out;
  }

  public static GeoPoint at(double x, double y) {
    return FRAME.toGeo(x, y);
  }

  public static GeoPolygon rectangle(double w, double h) {
    return GeoPolygon.of(ring(0, 0, w, 0, w, h, 0, h));
  }

  /** An L of side s: the square s x s less its top-right quarter. */
  public static GeoPolygon lShape(double s) {
    return GeoPolygon.of(ring(0, 0, s, 0, s, s / 2, s / 2, s / 2, s / 2, s, 0, s));
  }

  /** A square of side s whose northern edge is a ragged coastline with inlets. */
  public static GeoPolygon coastline(double s, long seed) {
    Random rnd = new Random(seed);
    List<Double> xy = new ArrayList<>(List.of(0.0, 0.0, s, 0.0));
    int n = 60;
    for (int i = n; i >= 0; i--) {
      double x = s * i / n;
      double y = s * (0.75 + 0.12 * Math.sin(x / s * 7) + 0.05 * rnd.nextGaussian());
      if (i % 12 == 6) {
        y = s * (0.3 + 0.2 * rnd.nextDouble());
      }
      xy.add(x);
      xy.add(Math.min(s * 0.98, y));
    }
    return GeoPolygon.of(ring(xy.stream().mapToDouble(Double::doubleValue).toArray()));
  }

  /** A square of side s with {@code count} octagonal holes on a grid, radius r each. */
  public static GeoPolygon withHoles(double s, int count, long seed) {
    Random rnd = new Random(seed);
    int cols = (int) Math.ceil(Math.sqrt(count));
    int rows = (int) Math.ceil(count / (double) cols);
    double cw = s / cols, ch = s / rows;
    List<List<GeoPoint>> holes = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      double cx = cw * (k % cols + 0.5) + (rnd.nextDouble() - 0.5) * cw * 0.2;
      double cy = ch * (k / cols + 0.5) + (rnd.nextDouble() - 0.5) * ch * 0.2;
      double r = Math.min(cw, ch) * (0.15 + 0.1 * rnd.nextDouble());
      double[] xy = new double[16];
      for (int j = 0; j < 8; j++) {
        double a = Math.PI / 4 * j + 0.3;
        xy[2 * j] = cx + r * Math.cos(a);
        xy[2 * j + 1] = cy + r * Math.sin(a);
      }
      holes.add(ring(xy));
    }
    return new GeoPolygon(ring(0, 0, s, 0, s, s, 0, s), holes);
  }

  public static VehicleProfile drone(String id, double x, double y) {
    return new VehicleProfile(id, VehicleKind.MULTICOPTER, at(x, y), at(x, y), 12, 3, 1e6, 100);
  }
}
