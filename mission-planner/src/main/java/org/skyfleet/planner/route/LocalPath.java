package org.skyfleet.planner.route;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.skyfleet.planner.Waypoint;
import org.skyfleet.planner.WaypointAction;
import org.skyfleet.planner.airspace.VisibilityRouter;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.LocalFrame;
import org.skyfleet.planner.geo.PathMeasure;

/**
 * A route in the local frame. Every {@link #goTo} leg is passed through the router first, so a leg
 * that would cross an exclusion zone is replaced by its shortest detour (extra NAVIGATE points).
 */
public final class LocalPath {
  private final List<Coordinate> points = new ArrayList<>();
  private final List<Double> altitudes = new ArrayList<>();
  private final List<WaypointAction> actions = new ArrayList<>();
  private final List<Double> holds = new ArrayList<>();
  private final VisibilityRouter router;

  public LocalPath(VisibilityRouter router) {
    this.router = router;
  }

  /** Appends a point without routing (the first point, or a hold at the same place). */
  public LocalPath add(Coordinate c, double altRelM, WaypointAction action, double holdS) {
    points.add(new Coordinate(c.x, c.y));
    altitudes.add(altRelM);
    actions.add(action);
    holds.add(holdS);
    return this;
  }

  /**
   * Appends a leg from the last point to {@code c}, detouring around exclusion zones. A leg of zero
   * length only upgrades a plain NAVIGATE point to {@code action} (a take-off or loiter is kept).
   */
  public LocalPath goTo(Coordinate c, double altRelM, WaypointAction action) {
    if (points.isEmpty()) {
      return add(c, altRelM, action, 0);
    }
    Coordinate last = points.get(points.size() - 1);
    if (last.distance(c) < 1e-6 && altRelM == altitudes.get(altitudes.size() - 1)) {
      if (actions.get(actions.size() - 1) == WaypointAction.NAVIGATE) {
        actions.set(actions.size() - 1, action);
      }
      return this;
    }
    List<Coordinate> leg = router.route(last, c);
    for (int i = 1; i + 1 < leg.size(); i++) {
      add(leg.get(i), altRelM, WaypointAction.NAVIGATE, 0);
    }
    return add(c, altRelM, action, 0);
  }

  public List<Coordinate> points() {
    return points;
  }

  public Coordinate last() {
    return points.get(points.size() - 1);
  }

  public int size() {
    return points.size();
  }

  public double lengthM() {
    return PathMeasure.lengthM(points);
  }

  public double holdTotalS() {
    return holds.stream().mapToDouble(Double::doubleValue).sum();
  }

  public double maxAltRelM() {
    return altitudes.stream().mapToDouble(Double::doubleValue).max().orElse(0);
  }

  public int turns() {
    return PathMeasure.turns(points);
  }

  /** The route in WGS84, projected out once. */
  public List<Waypoint> toWaypoints(LocalFrame frame) {
    List<Waypoint> out = new ArrayList<>(points.size());
    for (int i = 0; i < points.size(); i++) {
      GeoPoint g = frame.toGeo(points.get(i));
      out.add(new Waypoint(g.latDeg(), g.lonDeg(), altitudes.get(i), actions.get(i), holds.get(i)));
    }
    return out;
  }
}
