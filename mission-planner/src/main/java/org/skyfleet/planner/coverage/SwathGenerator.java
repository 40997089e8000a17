package org.skyfleet.planner.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.skyfleet.planner.geo.AreaGeometry;

/**
 * Swaths of an area already rotated so that sweeps run along x.
 *
 * <p>Definition: the area's y extent H is cut into n = ⌈H / w⌉ equal bands of height s = H / n ≤ w
 * (up to {@link #BAND_SLACK_M} over), with one sweep line through the middle of each band. For each
 * connected piece of (area ∩ band) the swath spans the piece's full x extent, so every point of the
 * piece lies within s/2 ≤ w/2 of it even where the boundary is slanted (the swath then overshoots the
 * boundary a little). Spans that overlap, or lie closer than a given gap, are merged. Where a flight
 * constraint is given, each swath is clipped to it (exclusions grown by the margin removed, inclusions
 * shrunk by it kept) and pieces shorter than a metre are dropped.
 */
public final class SwathGenerator {
  private SwathGenerator() {}

  /**
   * Slack, metres, by which the bands together may exceed n sweep widths before an extra band is
   * added: it absorbs rounding of projected outlines (a 600.001 m rectangle at 100 m is six sweeps),
   * and widens each band by at most this much divided by n.
   */
  public static final double BAND_SLACK_M = 0.05;

  /** Number of bands for an envelope height and sweep width. */
  public static int bandCount(double heightM, double sweepWidthM) {
    return Math.max(1, (int) Math.ceil((heightM - BAND_SLACK_M) / sweepWidthM));
  }

  /**
   * Swaths per band, each band's swaths sorted west to east.
   *
   * @param allowed where swaths may lie in the rotated frame, or null for anywhere
   */
  public static List<List<Swath>> generate(Polygon rotatedArea, double sweepWidthM, Geometry allowed) {
    return generate(rotatedArea, sweepWidthM, allowed, 0);
  }

  /**
   * As {@link #generate(Polygon, double, Geometry)}, also joining swaths of one band across gaps of at
   * most {@code maxOverflyGapM} (a small lake or notch is flown over rather than cut into cells).
   */
  public static List<List<Swath>> generate(Polygon rotatedArea, double sweepWidthM, Geometry allowed,
      double maxOverflyGapM) {
    Envelope env = rotatedArea.getEnvelopeInternal();
    int n = bandCount(env.getHeight(), sweepWidthM);
    double s = env.getHeight() / n;
    Geometry[] slices = new Geometry[n];
    slice(rotatedArea, env, s, 0, n, slices);
    List<List<Swath>> bands = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double y = env.getMinY() + (i + 0.5) * s;
      Geometry pieces = slices[i];
      List<double[]> spans = new ArrayList<>();
      for (int k = 0; k < pieces.getNumGeometries(); k++) {
        Geometry piece = pieces.getGeometryN(k);
        if (piece instanceof Polygon && piece.getArea() > 1e-6) {
          Envelope pe = piece.getEnvelopeInternal();
          spans.add(new double[] {pe.getMinX(), pe.getMaxX()});
        }
      }
      bands.add(clip(merge(spans, maxOverflyGapM), i, y, allowed));
    }
    return bands;
  }

  /**
   * Cuts {@code g} into the bands lo..hi-1 by halving: each level of the recursion passes every vertex
   * through one overlay, so slicing costs O(V log n) rather than O(V n) for n bands.
   */
  private static void slice(Geometry g, Envelope env, double s, int lo, int hi, Geometry[] out) {
    if (hi - lo == 1 || g.isEmpty()) {
      for (int i = lo; i < hi; i++) {
        out[i] = g;
      }
      return;
    }
    int mid = (lo + hi) / 2;
    double y0 = env.getMinY() + lo * s;
    double ym = env.getMinY() + mid * s;
    double y1 = hi == out.length ? env.getMaxY() : env.getMinY() + hi * s;
    Geometry lower = AreaGeometry.FACTORY.toGeometry(new Envelope(env.getMinX() - 1, env.getMaxX() + 1, y0, ym));
    Geometry upper = AreaGeometry.FACTORY.toGeometry(new Envelope(env.getMinX() - 1, env.getMaxX() + 1, ym, y1));
    slice(polygonal(OverlayNGRobust.overlay(g, lower, OverlayNG.INTERSECTION)), env, s, lo, mid, out);
    slice(polygonal(OverlayNGRobust.overlay(g, upper, OverlayNG.INTERSECTION)), env, s, mid, hi, out);
  }

  /** The polygons of an overlay result, dropping lines and points where the cut touches the boundary. */
  private static Geometry polygonal(Geometry g) {
    if (g instanceof Polygon || g instanceof org.locationtech.jts.geom.MultiPolygon) {
      return g;
    }
    return AreaGeometry.FACTORY.buildGeometry(PolygonExtracter.getPolygons(g));
  }

  private static List<double[]> merge(List<double[]> spans, double maxGapM) {
    spans.sort(Comparator.comparingDouble(a -> a[0]));
    List<double[]> out = new ArrayList<>();
    for (double[] sp : spans) {
      if (!out.isEmpty() && sp[0] - out.get(out.size() - 1)[1] <= maxGapM) {
        double[] last = out.get(out.size() - 1);
        last[1] = Math.max(last[1], sp[1]);
      } else {
        out.add(sp.clone());
      }
    }
    return out;
  }

  private static List<Swath> clip(List<double[]> spans, int band, double y, Geometry allowed) {
    List<Swath> out = new ArrayList<>();
    for (double[] sp : spans) {
      if (allowed == null) {
        out.add(new Swath(band, y, sp[0], sp[1]));
        continue;
      }
      LineString line = AreaGeometry.FACTORY.createLineString(
          new Coordinate[] {new Coordinate(sp[0], y), new Coordinate(sp[1], y)});
      Geometry kept = OverlayNGRobust.overlay(allowed, line, OverlayNG.INTERSECTION);
      for (int k = 0; k < kept.getNumGeometries(); k++) {
        Envelope e = kept.getGeometryN(k).getEnvelopeInternal();
        if (e.getWidth() >= 1.0) {
          out.add(new Swath(band, y, e.getMinX(), e.getMaxX()));
        }
      }
    }
    out.sort(Comparator.comparingDouble(Swath::x0));
    return out;
  }
}
