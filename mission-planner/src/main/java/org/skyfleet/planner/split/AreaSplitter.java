package org.skyfleet.planner.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.skyfleet.planner.geo.AreaGeometry;

/**
 * Cuts an area into k strips parallel to the sweep direction with given shares of its area.
 *
 * <p>Steps: rotate so sweeps run along x; for each cut, find by bisection the y where the area below
 * equals the cumulative share (area below y is monotone in y); snap the cut to the nearest band edge of
 * the sweep grid when that moves the share by less than {@code snapTolerance}, so no part has a partial
 * sweep; cut and rotate back. The parts tile the area: they do not overlap and their union is the area.
 * Degenerate cases: one share returns the area; a concave area may give a strip of several pieces
 * (see {@link #contiguousCutAngle} for a direction that avoids it).
 */
public final class AreaSplitter {
  private static final int BISECTION_STEPS = 40;
  private static final double BISECTION_TOLERANCE_M = 0.01;
  private static final double SLIVER_M2 = 1.0;

  private AreaSplitter() {}

  /**
   * The first angle, in the order given, at which cutting the area into {@code k} equal strips leaves
   * every strip in one piece; the first angle when none does (a strip may then be in several pieces).
   * Concave areas (an L, a coastline) often split into connected parts only across some directions.
   */
  public static double contiguousCutAngle(Polygon area, List<Double> anglesRad, int k) {
    if (k < 2 || anglesRad.isEmpty()) {
      return anglesRad.isEmpty() ? 0 : anglesRad.get(0);
    }
    double[] equal = new double[k];
    Arrays.fill(equal, 1.0 / k);
    for (double angle : anglesRad) {
      if (split(area, angle, equal, 0, 0).stream().allMatch(AreaSplitter::isOnePiece)) {
        return angle;
      }
    }
    return anglesRad.get(0);
  }

  /** True when a part has at most one polygon larger than a sliver. */
  public static boolean isOnePiece(Geometry part) {
    int pieces = 0;
    for (int i = 0; i < part.getNumGeometries(); i++) {
      if (part.getGeometryN(i) instanceof Polygon p && p.getArea() > SLIVER_M2) {
        pieces++;
      }
    }
    return pieces <= 1;
  }

  /**
   * @param area the area, local frame
   * @param sweepAngleRad sweep direction, radians counter-clockwise from east
   * @param shares fractions of the area per part, in cut order from the lowest strip, summing to 1
   * @param sweepWidthM band height used to snap cuts, metres (0 for no snapping)
   * @param snapTolerance largest change of a share accepted for snapping, e.g. 0.02
   */
  public static List<Geometry> split(Polygon area, double sweepAngleRad, double[] shares, double sweepWidthM,
      double snapTolerance) {
    if (shares.length == 1) {
      return List.of(area);
    }
    AffineTransformation toSweep = AffineTransformation.rotationInstance(-sweepAngleRad);
    Geometry rotated = toSweep.transform(area);
    Envelope env = rotated.getEnvelopeInternal();
    double total = rotated.getArea();
    double[] cuts = new double[shares.length + 1];
    cuts[0] = env.getMinY() - 1;
    cuts[shares.length] = env.getMaxY() + 1;
    double cumulative = 0;
    for (int i = 0; i + 1 < shares.length; i++) {
      cumulative += shares[i];
      double y = cutAt(rotated, env, total * cumulative);
      if (sweepWidthM > 0) {
        double band = env.getMinY() + Math.round((y - env.getMinY()) / sweepWidthM) * sweepWidthM;
        if (band > cuts[i] && Math.abs(below(rotated, env, band) / total - cumulative) <= snapTolerance) {
          y = band;
        }
      }
      cuts[i + 1] = Math.max(y, cuts[i]);
    }
    AffineTransformation back = AffineTransformation.rotationInstance(sweepAngleRad);
    List<Geometry> parts = new ArrayList<>();
    for (int i = 0; i < shares.length; i++) {
      Geometry strip = AreaGeometry.FACTORY.toGeometry(
          new Envelope(env.getMinX() - 1, env.getMaxX() + 1, cuts[i], cuts[i + 1]));
      parts.add(back.transform(OverlayNGRobust.overlay(rotated, strip, OverlayNG.INTERSECTION)));
    }
    return parts;
  }

  private static double cutAt(Geometry rotated, Envelope env, double targetArea) {
    double lo = env.getMinY();
    double hi = env.getMaxY();
    for (int k = 0; k < BISECTION_STEPS && hi - lo > BISECTION_TOLERANCE_M; k++) {
      double mid = (lo + hi) / 2;
      if (below(rotated, env, mid) < targetArea) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  private static double below(Geometry rotated, Envelope env, double y) {
    Geometry lower = AreaGeometry.FACTORY.toGeometry(
        new Envelope(env.getMinX() - 1, env.getMaxX() + 1, env.getMinY() - 1, y));
    return OverlayNGRobust.overlay(rotated, lower, OverlayNG.INTERSECTION).getArea();
  }
}
