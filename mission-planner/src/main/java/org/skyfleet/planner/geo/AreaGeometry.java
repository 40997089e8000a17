package org.skyfleet.planner.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.skyfleet.planner.PlannerLimits;
import org.skyfleet.planner.PlanningException;

/**
 * Validates a {@link GeoPolygon} and projects it into a {@link LocalFrame} as a JTS polygon.
 *
 * <p>Checks run cheapest first so that an oversized request costs nothing: vertex count (before any
 * geometry is built), coordinate ranges, extent, distinct points per ring, area, then topology (self
 * intersection, holes outside the shell) with the place of the fault in the message.
 */
public final class AreaGeometry {
  /** The one factory every package builds local geometry with. */
  public static final GeometryFactory FACTORY = new GeometryFactory();
  private static final double MAX_ABS_LAT_DEG = 85.0;

  private AreaGeometry() {}

  /** Vertex count and coordinate checks only; no geometry is built. */
  public static void checkInput(GeoPolygon area, PlannerLimits limits, String what) {
    if (area == null || area.outer().isEmpty()) {
      throw PlanningException.invalid(what + " is empty: give at least three points of its outline");
    }
    int n = area.vertexCount();
    if (n > limits.maxVertices()) {
      throw PlanningException.exhausted(String.format(Locale.ROOT,
          "%s has %,d vertices; the limit is %,d: simplify the outline (e.g. to 1 m tolerance)",
          what, n, limits.maxVertices()));
    }
    for (int i = 0; i < area.outer().size(); i++) {
      requirePoint(area.outer().get(i), what + " outer ring point " + i);
    }
    for (int h = 0; h < area.holes().size(); h++) {
      List<GeoPoint> ring = area.holes().get(h);
      for (int i = 0; i < ring.size(); i++) {
        requirePoint(ring.get(i), what + " hole " + h + " point " + i);
      }
    }
  }

  private static void requirePoint(GeoPoint p, String label) {
    if (p == null) {
      throw PlanningException.invalid(label + " is missing");
    }
    p.validate(label);
    if (Math.abs(p.latDeg()) > MAX_ABS_LAT_DEG) {
      throw PlanningException.invalid(label + ": latitude " + p.latDeg()
          + " is beyond ±85°, where the local planning frame is not supported");
    }
  }

  /** A frame centred on the bounding box of the outer ring (call after {@link #checkInput}). */
  public static LocalFrame frameFor(GeoPolygon area) {
    double minLat = Double.MAX_VALUE, maxLat = -Double.MAX_VALUE;
    double minLon = Double.MAX_VALUE, maxLon = -Double.MAX_VALUE;
    for (GeoPoint p : area.outer()) {
      minLat = Math.min(minLat, p.latDeg());
      maxLat = Math.max(maxLat, p.latDeg());
      minLon = Math.min(minLon, p.lonDeg());
      maxLon = Math.max(maxLon, p.lonDeg());
    }
    return new LocalFrame(new GeoPoint((minLat + maxLat) / 2, (minLon + maxLon) / 2));
  }

  /**
   * Validates and projects an area.
   *
   * @throws PlanningException INVALID_ARGUMENT for bad coordinates or topology, RESOURCE_EXHAUSTED for
   *     an area or vertex count over the limits
   */
  public static Polygon project(GeoPolygon area, LocalFrame frame, PlannerLimits limits, String what) {
    checkInput(area, limits, what);
    Coordinate[] shell = ring(area.outer(), frame, what + " outer ring");
    double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
    for (Coordinate c : shell) {
      minX = Math.min(minX, c.x);
      maxX = Math.max(maxX, c.x);
      minY = Math.min(minY, c.y);
      maxY = Math.max(maxY, c.y);
    }
    double extent = Math.max(maxX - minX, maxY - minY);
    if (extent > limits.maxExtentM()) {
      throw PlanningException.exhausted(String.format(Locale.ROOT,
          "%s spans %.1f km; the limit is %.1f km: split it into smaller areas",
          what, extent / 1000, limits.maxExtentM() / 1000));
    }
    double shellArea = Math.abs(signedArea(shell));
    if (shellArea < 1.0) {
      Polygon shellOnly = FACTORY.createPolygon(shell);
      TopologyValidationError error = new IsValidOp(shellOnly).getValidationError();
      if (error != null && error.getErrorType() == TopologyValidationError.SELF_INTERSECTION
          || error != null && error.getErrorType() == TopologyValidationError.RING_SELF_INTERSECTION) {
        throw PlanningException.invalid(describe(error, shellOnly, frame, what));
      }
      throw PlanningException.invalid(what + " encloses no area (" + String.format(Locale.ROOT, "%.2f", shellArea)
          + " m²): its points are repeated or lie on one line");
    }
    if (shellArea > limits.maxAreaM2()) {
      throw PlanningException.exhausted(String.format(Locale.ROOT,
          "%s is %.1f km²; the limit is %.1f km²: split it into smaller areas",
          what, shellArea / 1e6, limits.maxAreaM2() / 1e6));
    }
    LinearRing[] holes = new LinearRing[area.holes().size()];
    for (int h = 0; h < holes.length; h++) {
      Coordinate[] hc = ring(area.holes().get(h), frame, what + " hole " + h);
      if (Math.abs(signedArea(hc)) < 1.0) {
        throw PlanningException.invalid(what + " hole " + h + " encloses no area: its points lie on one line");
      }
      holes[h] = FACTORY.createLinearRing(hc);
    }
    Polygon polygon = FACTORY.createPolygon(FACTORY.createLinearRing(shell), holes);
    TopologyValidationError error = new IsValidOp(polygon).getValidationError();
    if (error != null) {
      throw PlanningException.invalid(describe(error, polygon, frame, what));
    }
    return polygon;
  }

  private static String describe(TopologyValidationError error, Polygon polygon, LocalFrame frame, String what) {
    GeoPoint at = error.getCoordinate() == null ? null : frame.toGeo(error.getCoordinate());
    String where = at == null ? "" : " near " + at;
    switch (error.getErrorType()) {
      case TopologyValidationError.SELF_INTERSECTION:
      case TopologyValidationError.RING_SELF_INTERSECTION:
        return what + " outline crosses itself" + where
            + ": reorder the points so that no two edges cross (draw the outline in one direction)";
      case TopologyValidationError.HOLE_OUTSIDE_SHELL:
        return what + " hole " + holeIndexOutside(polygon) + " lies outside the outer ring" + where
            + ": remove it or correct its coordinates";
      case TopologyValidationError.NESTED_HOLES:
        return what + " has a hole inside another hole" + where + ": merge or remove one of them";
      case TopologyValidationError.DISCONNECTED_INTERIOR:
        return what + " holes cut the area into separate pieces" + where + ": plan each piece on its own";
      default:
        return what + " is not a valid polygon (" + error.getMessage() + ")" + where;
    }
  }

  private static int holeIndexOutside(Polygon polygon) {
    Polygon shell = FACTORY.createPolygon(polygon.getExteriorRing().getCoordinates());
    for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
      if (!shell.covers(polygon.getInteriorRingN(h))) {
        return h;
      }
    }
    return 0;
  }

  /** Projects a ring, dropping repeated consecutive points, and closes it. */
  public static Coordinate[] ring(List<GeoPoint> points, LocalFrame frame, String what) {
    List<Coordinate> out = new ArrayList<>(points.size() + 1);
    for (GeoPoint p : points) {
      Coordinate c = frame.toLocal(p);
      if (out.isEmpty() || out.get(out.size() - 1).distance(c) > 1e-3) {
        out.add(c);
      }
    }
    if (out.size() > 1 && out.get(0).distance(out.get(out.size() - 1)) <= 1e-3) {
      out.remove(out.size() - 1);
    }
    if (out.size() < 3) {
      throw PlanningException.invalid(what + " has " + out.size()
          + " distinct points; a ring needs at least 3");
    }
    out.add(new Coordinate(out.get(0)));
    return out.toArray(Coordinate[]::new);
  }

  /** Shoelace signed area of a closed ring, square metres (positive counter-clockwise). */
  public static double signedArea(Coordinate[] closed) {
    double s = 0;
    for (int i = 0; i + 1 < closed.length; i++) {
      s += closed[i].x * closed[i + 1].y - closed[i + 1].x * closed[i].y;
    }
    return s / 2;
  }

  /** A polygon's rings back to WGS84 (outer ring then holes), closed. */
  public static GeoPolygon toGeo(Polygon p, LocalFrame frame) {
    List<List<GeoPoint>> holes = new ArrayList<>();
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      holes.add(toGeo(p.getInteriorRingN(i).getCoordinates(), frame));
    }
    return new GeoPolygon(toGeo(p.getExteriorRing().getCoordinates(), frame), holes);
  }

  private static List<GeoPoint> toGeo(Coordinate[] cs, LocalFrame frame) {
    List<GeoPoint> out = new ArrayList<>(cs.length);
    for (Coordinate c : cs) {
      out.add(frame.toGeo(c));
    }
    return out;
  }
}
