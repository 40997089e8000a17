package org.skyfleet.planner.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.algorithm.MinimumDiameter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/**
 * Chooses the direction of the sweep lines that minimises the estimated coverage cost.
 *
 * <p>Candidates: the direction of the minimum-width supporting edge ({@link MinimumDiameter}), the
 * directions of the 16 longest convex-hull edges, and of the 16 longest outline edges (concave areas
 * often want to sweep along a long inner edge). Each candidate is scored without
 * building geometry: the rings are rotated so the sweep runs along x, each sweep line's crossings with
 * the rings are sorted into inside intervals (sampled at the line and at both edges of its band, to
 * count the overshoot over slanted boundaries), and cost = swath length + connector length + penalty ·
 * turns. Degenerate case: a polygon whose every candidate ties keeps the first (hull) direction.
 */
public final class SweepDirection {
  /** Longest edges of the hull, and of the outline, that propose a direction each. */
  private static final int MAX_EDGE_CANDIDATES = 16;
  private static final double DEDUPE_RAD = Math.toRadians(0.5);

  private SweepDirection() {}

  /** The best sweep angle, radians counter-clockwise from east, in [0, π). */
  public static double choose(Polygon area, double sweepWidthM, CoverageCost cost) {
    double best = 0;
    double bestCost = Double.POSITIVE_INFINITY;
    for (double angle : candidates(area)) {
      double c = estimate(area, angle, sweepWidthM, cost);
      if (c < bestCost - 1e-6) {
        bestCost = c;
        best = angle;
      }
    }
    return best;
  }

  /** Candidate angles in [0, π), deduplicated within half a degree. */
  public static List<Double> candidates(Polygon area) {
    List<Double> raw = new ArrayList<>();
    Coordinate[] support = new MinimumDiameter(area).getSupportingSegment().getCoordinates();
    raw.add(angleOf(support[0], support[1]));
    addLongestEdges(raw, area.convexHull().getCoordinates());
    addLongestEdges(raw, area.getExteriorRing().getCoordinates());
    List<Double> out = new ArrayList<>();
    for (double a : raw) {
      boolean dup = false;
      for (double b : out) {
        double d = Math.abs(a - b);
        if (Math.min(d, Math.PI - d) < DEDUPE_RAD) {
          dup = true;
          break;
        }
      }
      if (!dup) {
        out.add(a);
      }
    }
    return out;
  }

  private static void addLongestEdges(List<Double> out, Coordinate[] ring) {
    Integer[] idx = new Integer[ring.length - 1];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, Comparator.comparingDouble(i -> -ring[i].distance(ring[i + 1])));
    for (int k = 0; k < Math.min(MAX_EDGE_CANDIDATES, idx.length); k++) {
      out.add(angleOf(ring[idx[k]], ring[idx[k] + 1]));
    }
  }

  private static double angleOf(Coordinate a, Coordinate b) {
    double t = Math.atan2(b.y - a.y, b.x - a.x);
    t %= Math.PI;
    return t < 0 ? t + Math.PI : t;
  }

  /** Estimated cost of sweeping at {@code angle}: length plus turn penalty, metres. */
  public static double estimate(Polygon area, double angle, double sweepWidthM, CoverageCost cost) {
    List<double[]> edges = rotatedEdges(area, angle);
    double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
    for (double[] e : edges) {
      minY = Math.min(minY, Math.min(e[1], e[3]));
      maxY = Math.max(maxY, Math.max(e[1], e[3]));
    }
    int n = SwathGenerator.bandCount(maxY - minY, sweepWidthM);
    double s = (maxY - minY) / n;
    double length = 0;
    int swaths = 0;
    for (int i = 0; i < n; i++) {
      double y = minY + (i + 0.5) * s;
      double[] mid = insideIntervals(edges, y);
      double lo = insideIntervals(edges, y - 0.49 * s)[0];
      double hi = insideIntervals(edges, y + 0.49 * s)[0];
      length += Math.max(mid[0], Math.max(lo, hi));
      swaths += (int) mid[1];
    }
    length += (n - 1) * s;
    int turns = 2 * Math.max(0, swaths - 1);
    return cost.of(length, turns);
  }

  private static List<double[]> rotatedEdges(Polygon area, double angle) {
    double c = Math.cos(angle);
    double s = Math.sin(angle);
    List<double[]> edges = new ArrayList<>();
    addRing(edges, area.getExteriorRing().getCoordinates(), c, s);
    for (int h = 0; h < area.getNumInteriorRing(); h++) {
      addRing(edges, area.getInteriorRingN(h).getCoordinates(), c, s);
    }
    return edges;
  }

  private static void addRing(List<double[]> edges, Coordinate[] ring, double c, double s) {
    for (int i = 0; i + 1 < ring.length; i++) {
      Coordinate a = ring[i];
      Coordinate b = ring[i + 1];
      edges.add(new double[] {a.x * c + a.y * s, -a.x * s + a.y * c, b.x * c + b.y * s, -b.x * s + b.y * c});
    }
  }

  /** {total inside length, number of inside intervals} along the line at y (even-odd rule). */
  private static double[] insideIntervals(List<double[]> edges, double y) {
    double[] xs = new double[16];
    int k = 0;
    for (double[] e : edges) {
      if ((e[1] <= y && y < e[3]) || (e[3] <= y && y < e[1])) {
        if (k == xs.length) {
          xs = Arrays.copyOf(xs, k * 2);
        }
        xs[k++] = e[0] + (y - e[1]) * (e[2] - e[0]) / (e[3] - e[1]);
      }
    }
    Arrays.sort(xs, 0, k);
    double len = 0;
    for (int i = 0; i + 1 < k; i += 2) {
      len += xs[i + 1] - xs[i];
    }
    return new double[] {len, k / 2};
  }
}
