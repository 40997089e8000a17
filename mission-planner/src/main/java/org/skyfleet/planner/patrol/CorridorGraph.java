package org.skyfleet.planner.patrol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import org.locationtech.jts.geom.Coordinate;
import org.skyfleet.planner.PlanningException;
import org.skyfleet.planner.geo.LocalFrame;

/**
 * A {@link CorridorNetwork} in the local frame with Dijkstra shortest paths over corridor lengths.
 *
 * <p>Degenerate cases: a corridor naming a missing node is an invalid argument; two checkpoints in
 * different connected components fail with FAILED_PRECONDITION naming both.
 */
public final class CorridorGraph {
  private final List<Coordinate> nodes = new ArrayList<>();
  private final List<List<Integer>> adjacency = new ArrayList<>();
  private final LocalFrame frame;

  public CorridorGraph(CorridorNetwork network, LocalFrame frame) {
    this.frame = frame;
    if (network.nodes().isEmpty()) {
      throw PlanningException.invalid("the corridor network has no nodes");
    }
    for (int i = 0; i < network.nodes().size(); i++) {
      nodes.add(frame.toLocal(network.nodes().get(i).validate("corridor node " + i)));
      adjacency.add(new ArrayList<>());
    }
    for (int i = 0; i < network.corridors().size(); i++) {
      Corridor c = network.corridors().get(i);
      if (c.from() < 0 || c.from() >= nodes.size() || c.to() < 0 || c.to() >= nodes.size()) {
        throw PlanningException.invalid("corridor " + i + " joins node " + c.from() + " to node " + c.to()
            + " but the network has nodes 0.." + (nodes.size() - 1));
      }
      adjacency.get(c.from()).add(c.to());
      adjacency.get(c.to()).add(c.from());
    }
  }

  public Coordinate node(int i) {
    return nodes.get(i);
  }

  /** The node nearest to {@code p}, which must lie within {@code toleranceM}. */
  public int snap(Coordinate p, double toleranceM, String what) {
    int best = -1;
    double bestD = Double.POSITIVE_INFINITY;
    for (int i = 0; i < nodes.size(); i++) {
      double d = nodes.get(i).distance(p);
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    if (bestD > toleranceM) {
      throw PlanningException.invalid(String.format(Locale.ROOT,
          "%s %s is %.1f m from the nearest corridor node (tolerance %.1f m): move it onto the network",
          what, frame.toGeo(p), bestD, toleranceM));
    }
    return best;
  }

  /** Node indices of the shortest path from {@code a} to {@code b}, both included. */
  public List<Integer> shortestPath(int a, int b) {
    double[] dist = new double[nodes.size()];
    int[] prev = new int[nodes.size()];
    Arrays.fill(dist, Double.POSITIVE_INFINITY);
    Arrays.fill(prev, -1);
    dist[a] = 0;
    PriorityQueue<double[]> queue = new PriorityQueue<>((x, y) -> Double.compare(x[0], y[0]));
    queue.add(new double[] {0, a});
    while (!queue.isEmpty()) {
      double[] top = queue.poll();
      int u = (int) top[1];
      if (top[0] > dist[u]) {
        continue;
      }
      if (u == b) {
        break;
      }
      for (int v : adjacency.get(u)) {
        double d = dist[u] + nodes.get(u).distance(nodes.get(v));
        if (d < dist[v]) {
          dist[v] = d;
          prev[v] = u;
          queue.add(new double[] {d, v});
        }
      }
    }
    if (dist[b] == Double.POSITIVE_INFINITY) {
      throw PlanningException.precondition("corridor node " + b + " at " + frame.toGeo(nodes.get(b))
          + " cannot be reached from node " + a + " at " + frame.toGeo(nodes.get(a))
          + " on the corridor network: add a corridor between them");
    }
    List<Integer> path = new ArrayList<>();
    for (int v = b; v != -1; v = prev[v]) {
      path.add(v);
    }
    Collections.reverse(path);
    return path;
  }
}
