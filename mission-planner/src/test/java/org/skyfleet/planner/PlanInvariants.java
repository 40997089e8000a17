package org.skyfleet.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.skyfleet.planner.geo.AreaGeometry;
import org.skyfleet.planner.geo.GeoPoint;

/** The invariant checks every coverage strategy must pass (one checker shared by the tests). */
public final class PlanInvariants {
  private PlanInvariants() {}

  public static List<Coordinate> local(VehicleRoute r) {
    List<Coordinate> out = new ArrayList<>();
    for (Waypoint w : r.waypoints()) {
      out.add(TestAreas.FRAME.toLocal(new GeoPoint(w.latDeg(), w.lonDeg())));
    }
    return out;
  }

  public static LineString line(List<Coordinate> pts) {
    return AreaGeometry.FACTORY.createLineString(pts.toArray(Coordinate[]::new));
  }

  /** Every sampled point of the area lies within half a sweep width (+ tolerance) of some route. */
  public static void assertCovered(Plan plan, Polygon area, double toleranceM, long seed, int samples) {
    List<LineString> lines = plan.routes().stream().map(r -> line(local(r))).toList();
    double half = plan.sweepWidthM() / 2 + toleranceM;
    Random rnd = new Random(seed);
    Envelope e = area.getEnvelopeInternal();
    int found = 0;
    for (int i = 0; i < samples * 50 && found < samples; i++) {
      Point p = AreaGeometry.FACTORY.createPoint(new Coordinate(
          e.getMinX() + rnd.nextDouble() * e.getWidth(), e.getMinY() + rnd.nextDouble() * e.getHeight()));
      if (!area.contains(p)) {
        continue;
      }
      found++;
      double d = lines.stream().mapToDouble(l -> l.distance(p)).min().orElseThrow();
      assertThat(d).as("distance from %s to the path", p).isLessThanOrEqualTo(half);
    }
    assertThat(found).isGreaterThan(samples / 2);
  }

  /** No leg of any route touches any of the zones. */
  public static void assertNoLegCrosses(Plan plan, List<Geometry> zones) {
    for (VehicleRoute r : plan.routes()) {
      List<Coordinate> pts = local(r);
      for (int i = 1; i < pts.size(); i++) {
        LineString leg = line(List.of(pts.get(i - 1), pts.get(i)));
        for (Geometry z : zones) {
          assertThat(z.intersects(leg)).as("leg %d of %s crosses a zone", i, r.vehicleId()).isFalse();
        }
      }
    }
  }
}
