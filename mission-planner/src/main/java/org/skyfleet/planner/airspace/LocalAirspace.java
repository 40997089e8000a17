package org.skyfleet.planner.airspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.skyfleet.planner.PlannerLimits;
import org.skyfleet.planner.geo.AreaGeometry;
import org.skyfleet.planner.geo.LocalFrame;

/**
 * An {@link Airspace} projected into a {@link LocalFrame} for one altitude band of a mission.
 *
 * <p>Only exclusion zones whose band overlaps the mission band, and inclusion zones whose band holds
 * it, take part. Routes keep {@code exclusionMarginM} from exclusions and from inclusion boundaries;
 * {@link #segmentAllowed} tests against those buffered shapes, while the validation rules test the
 * zones themselves.
 */
public final class LocalAirspace {
  private static final PlannerLimits ZONE_LIMITS = PlannerLimits.FOR_ZONES;

  /** Extra distance, metres, between survey legs and the routing margin. */
  public static final double CLEARANCE_M = 0.5;

  private final LocalFrame frame;
  private final Map<String, Polygon> exclusions = new LinkedHashMap<>();
  private final Geometry inclusionUnion;
  private final PreparedGeometry obstacles;
  private final PreparedGeometry allowedInside;
  private final List<Coordinate> routingNodes = new ArrayList<>();
  private final double marginM;

  private LocalAirspace(Airspace airspace, LocalFrame frame, double lowM, double highM, double marginM) {
    this.frame = frame;
    this.marginM = marginM;
    List<Geometry> buffered = new ArrayList<>();
    for (int i = 0; i < airspace.exclusions().size(); i++) {
      AirspaceZone z = airspace.exclusions().get(i);
      if (!z.overlapsBand(lowM, highM)) {
        continue;
      }
      String name = z.name() == null || z.name().isBlank() ? "exclusion zone " + i : z.name();
      Polygon p = AreaGeometry.project(z.polygon(), frame, ZONE_LIMITS, "exclusion zone '" + name + "'");
      exclusions.put(name, p);
      buffered.add(p.buffer(marginM, 8));
      addNodes(p.buffer(marginM * 1.12 + 0.1, 2));
    }
    Geometry obstacleUnion = buffered.isEmpty() ? null : UnaryUnionOp.union(buffered);
    obstacles = obstacleUnion == null ? null : PreparedGeometryFactory.prepare(obstacleUnion);
    List<Geometry> incl = new ArrayList<>();
    boolean anyInclusion = !airspace.inclusions().isEmpty();
    for (int i = 0; i < airspace.inclusions().size(); i++) {
      AirspaceZone z = airspace.inclusions().get(i);
      if (z.containsBand(lowM, highM)) {
        incl.add(AreaGeometry.project(z.polygon(), frame, ZONE_LIMITS, "inclusion zone " + i));
      }
    }
    if (anyInclusion) {
      inclusionUnion = incl.isEmpty() ? AreaGeometry.FACTORY.createPolygon() : UnaryUnionOp.union(incl);
      allowedInside = PreparedGeometryFactory.prepare(inclusionUnion.buffer(-marginM, 8));
      addNodes(inclusionUnion.buffer(-(marginM * 1.12 + 0.1), 2));
    } else {
      inclusionUnion = null;
      allowedInside = null;
    }
    routingNodes.removeIf(c -> !pointAllowed(c));
  }

  /**
   * Projects the zones that matter for flight between {@code lowM} and {@code highM} metres above home.
   */
  public static LocalAirspace of(Airspace airspace, LocalFrame frame, double lowM, double highM, PlannerLimits limits) {
    Airspace a = airspace == null ? Airspace.OPEN : airspace;
    return new LocalAirspace(a, frame, lowM, highM, limits.exclusionMarginM());
  }

  private void addNodes(Geometry g) {
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Polygon p = (Polygon) g.getGeometryN(i);
      addRing(p.getExteriorRing().getCoordinates());
      for (int h = 0; h < p.getNumInteriorRing(); h++) {
        addRing(p.getInteriorRingN(h).getCoordinates());
      }
    }
  }

  private void addRing(Coordinate[] ring) {
    for (int i = 0; i + 1 < ring.length; i++) {
      routingNodes.add(new Coordinate(ring[i]));
    }
  }

  public LocalFrame frame() {
    return frame;
  }

  public double marginM() {
    return marginM;
  }

  /** Exclusion zones in force, by name, unbuffered. */
  public Map<String, Polygon> exclusions() {
    return exclusions;
  }

  /** Union of the inclusion zones in force, or null when the airspace has none. */
  public Geometry inclusionUnion() {
    return inclusionUnion;
  }

  public boolean hasConstraints() {
    return obstacles != null || allowedInside != null;
  }

  /** Buffered obstacles (exclusions grown by the margin), or null. */
  public Geometry obstacleGeometry() {
    return obstacles == null ? null : obstacles.getGeometry();
  }

  /**
   * Where survey legs may lie inside {@code universe}: the inclusions shrunk by the margin (or the
   * universe when there are none) less the exclusions grown by it, with {@link #CLEARANCE_M} more so
   * that legs ending on its edge still pass {@link #segmentAllowed}; null when nothing constrains flight.
   */
  public Geometry allowedRegion(Envelope universe) {
    if (!hasConstraints()) {
      return null;
    }
    Geometry inside = allowedInside == null ? AreaGeometry.FACTORY.toGeometry(universe)
        : allowedInside.getGeometry().buffer(-CLEARANCE_M, 8);
    if (obstacles == null) {
      return inside;
    }
    Geometry grown = obstacles.getGeometry().buffer(CLEARANCE_M, 8);
    return OverlayNGRobust.overlay(inside, grown, OverlayNG.DIFFERENCE);
  }

  /** True when a straight leg keeps the margin from every exclusion and stays inside the inclusions. */
  public boolean segmentAllowed(Coordinate a, Coordinate b) {
    if (!hasConstraints()) {
      return true;
    }
    LineString seg = a.equals2D(b)
        ? AreaGeometry.FACTORY.createLineString(new Coordinate[] {a, new Coordinate(a.x + 1e-9, a.y)})
        : AreaGeometry.FACTORY.createLineString(new Coordinate[] {a, b});
    if (obstacles != null && obstacles.intersects(seg)) {
      return false;
    }
    return allowedInside == null || allowedInside.covers(seg);
  }

  public boolean pointAllowed(Coordinate c) {
    Geometry pt = AreaGeometry.FACTORY.createPoint(c);
    if (obstacles != null && obstacles.intersects(pt)) {
      return false;
    }
    return allowedInside == null || allowedInside.covers(pt);
  }

  /** Where a point is not allowed, in words ("inside exclusion zone 'stadium'"). */
  public String whyNotAllowed(Coordinate c) {
    Geometry pt = AreaGeometry.FACTORY.createPoint(c);
    for (Map.Entry<String, Polygon> e : exclusions.entrySet()) {
      if (e.getValue().isWithinDistance(pt, marginM)) {
        return "within " + marginM + " m of exclusion zone '" + e.getKey() + "'";
      }
    }
    return "outside the inclusion zones (or within " + marginM + " m of their edge)";
  }

  List<Coordinate> routingNodes() {
    return routingNodes;
  }
}
