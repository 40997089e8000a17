package org.skyfleet.planner.airspace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;
import org.locationtech.jts.geom.Coordinate;
import org.skyfleet.planner.PlanningException;

/**
 * Shortest obstacle-avoiding leg between two points: A* over the visibility graph whose nodes are the
 * corners of the exclusion zones grown by the margin (and of the inclusion zones shrunk by it).
 *
 * <p>Steps: if the straight leg is allowed it is the answer; otherwise nodes visible from each other
 * are joined (edges computed lazily, once per node, and cached) and A* with the straight-line
 * heuristic finds the shortest chain. Degenerate cases: an end point inside a zone or no chain at all
 * fail with {@link PlanningException.Kind#FAILED_PRECONDITION}, naming the place.
 */
public final class VisibilityRouter {
  private final LocalAirspace airspace;
  private final List<Coordinate> nodes;
  private final int[][] visible;

  public VisibilityRouter(LocalAirspace airspace) {
    this.airspace = airspace;
    this.nodes = airspace.routingNodes();
    this.visible = new int[nodes.size()][];
  }

  /** The leg from {@code a} to {@code b} as a polyline (both ends included), detouring as needed. */
  public List<Coordinate> route(Coordinate a, Coordinate b) {
    if (airspace.segmentAllowed(a, b)) {
      return List.of(a, b);
    }
    if (!airspace.pointAllowed(a)) {
      throw PlanningException.precondition("leg start " + airspace.frame().toGeo(a) + " is "
          + airspace.whyNotAllowed(a) + ": move the vehicle, the checkpoint or the zone");
    }
    if (!airspace.pointAllowed(b)) {
      throw PlanningException.precondition("leg end " + airspace.frame().toGeo(b) + " is "
          + airspace.whyNotAllowed(b) + ": move the checkpoint or the zone");
    }
    int n = nodes.size();
    int start = n;
    int goal = n + 1;
    double[] g = new double[n + 2];
    int[] prev = new int[n + 2];
    Arrays.fill(g, Double.POSITIVE_INFINITY);
    Arrays.fill(prev, -1);
    g[start] = 0;
    boolean[] done = new boolean[n + 2];
    PriorityQueue<double[]> open = new PriorityQueue<>((x, y) -> Double.compare(x[0], y[0]));
    open.add(new double[] {a.distance(b), start});
    while (!open.isEmpty()) {
      int u = (int) open.poll()[1];
      if (done[u]) {
        continue;
      }
      done[u] = true;
      if (u == goal) {
        break;
      }
      Coordinate cu = u == start ? a : nodes.get(u);
      if (u != start && airspace.segmentAllowed(cu, b)) {
        relax(u, goal, g[u] + cu.distance(b), g, prev, open, 0);
      }
      int[] nbrs = u == start ? visibleFrom(a) : visibleFrom(u);
      for (int v : nbrs) {
        if (!done[v]) {
          Coordinate cv = nodes.get(v);
          relax(u, v, g[u] + cu.distance(cv), g, prev, open, cv.distance(b));
        }
      }
    }
    if (prev[goal] < 0) {
      throw PlanningException.precondition("no route from " + airspace.frame().toGeo(a) + " to "
          + airspace.frame().toGeo(b) + " stays clear of the exclusion zones " + airspace.exclusions().keySet()
          + " and inside the inclusion zones: widen the gap between zones or move the area");
    }
    List<Coordinate> path = new ArrayList<>();
    for (int v = goal; v != -1; v = prev[v]) {
      path.add(v == goal ? b : v == start ? a : nodes.get(v));
    }
    Collections.reverse(path);
    return path;
  }

  private static void relax(int u, int v, double cost, double[] g, int[] prev, PriorityQueue<double[]> open, double h) {
    if (cost < g[v]) {
      g[v] = cost;
      prev[v] = u;
      open.add(new double[] {cost + h, v});
    }
  }

  private int[] visibleFrom(int u) {
    if (visible[u] == null) {
      visible[u] = visibleFrom(nodes.get(u));
    }
    return visible[u];
  }

  private int[] visibleFrom(Coordinate c) {
    int[] out = new int[nodes.size()];
    int k = 0;
    for (int v = 0; v < nodes.size(); v++) {
      Coordinate cv = nodes.get(v);
      if (!cv.equals2D(c) && airspace.segmentAllowed(c, cv)) {
        out[k++] = v;
      }
    }
    return Arrays.copyOf(out, k);
  }
}
