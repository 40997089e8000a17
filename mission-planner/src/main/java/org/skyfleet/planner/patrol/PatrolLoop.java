package org.skyfleet.planner.patrol;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.skyfleet.planner.PlanningException;
import org.skyfleet.planner.VehicleKind;
import org.skyfleet.planner.VehicleProfile;
import org.skyfleet.planner.WaypointAction;
import org.skyfleet.planner.energy.EnergyModel;
import org.skyfleet.planner.geo.LocalFrame;
import org.skyfleet.planner.geo.PathMeasure;
import org.skyfleet.planner.route.LocalPath;

/**
 * The laps of a patrol, appended to a path that already holds the start (or take-off) point.
 *
 * <p>A lap visits the checkpoints in order and closes at the first. Drones fly straight legs (routed
 * around exclusion zones by the path); ground robots follow Dijkstra shortest paths on the corridor
 * network between the nodes nearest the checkpoints. With a period, the vehicle loiters at the first
 * checkpoint between laps so each lap starts one period after the previous; a lap longer than the
 * period fails with FAILED_PRECONDITION.
 */
public final class PatrolLoop {
  private PatrolLoop() {}

  /**
   * Appends the laps and, for ground robots, the drive back to the corridor node nearest {@code home};
   * returns the estimated time of one lap, seconds.
   */
  public static double append(LocalPath path, PatrolParameters p, VehicleProfile v, LocalFrame frame,
      EnergyModel energy, Coordinate home) {
    if (p.checkpoints().size() < 2) {
      throw PlanningException.invalid("a patrol needs at least 2 checkpoints, got " + p.checkpoints().size());
    }
    if (p.laps() < 1 || p.laps() > 1000) {
      throw PlanningException.invalid("patrol laps must be in 1..1000, got " + p.laps());
    }
    if (!(p.periodS() >= 0)) {
      throw PlanningException.invalid("patrol period must be 0 or more seconds, got " + p.periodS());
    }
    List<Coordinate> cps = new ArrayList<>();
    for (int i = 0; i < p.checkpoints().size(); i++) {
      cps.add(frame.toLocal(p.checkpoints().get(i).validate("checkpoint " + i)));
    }
    boolean ground = v.kind() == VehicleKind.GROUND_ROBOT;
    if (ground && p.corridors() == null) {
      throw PlanningException.invalid("ground robot '" + v.id() + "' needs a corridor network to patrol on");
    }
    double alt = ground ? 0 : p.altRelM();
    List<Coordinate> lap;
    List<Coordinate> approach;
    List<Coordinate> back = List.of();
    if (ground) {
      CorridorGraph graph = new CorridorGraph(p.corridors(), frame);
      int[] snapped = new int[cps.size()];
      for (int i = 0; i < cps.size(); i++) {
        snapped[i] = graph.snap(cps.get(i), p.snapToleranceM(), "checkpoint " + i);
      }
      int startNode = graph.snap(path.last(), p.snapToleranceM(), "vehicle '" + v.id() + "' start");
      approach = nodes(graph, graph.shortestPath(startNode, snapped[0]));
      int homeNode = graph.snap(home, p.snapToleranceM(), "vehicle '" + v.id() + "' home");
      back = nodes(graph, graph.shortestPath(snapped[0], homeNode));
      lap = new ArrayList<>();
      lap.add(graph.node(snapped[0]));
      for (int i = 0; i < snapped.length; i++) {
        List<Integer> leg = graph.shortestPath(snapped[i], snapped[(i + 1) % snapped.length]);
        lap.addAll(nodes(graph, leg.subList(1, leg.size())));
      }
    } else {
      approach = List.of(cps.get(0));
      lap = new ArrayList<>(cps);
      lap.add(cps.get(0));
    }
    for (Coordinate c : approach) {
      path.goTo(c, alt, WaypointAction.NAVIGATE);
    }
    int lapStart = path.size() - 1;
    for (int i = 1; i < lap.size(); i++) {
      path.goTo(lap.get(i), alt, WaypointAction.NAVIGATE);
    }
    List<Coordinate> lapPoints = new ArrayList<>(path.points().subList(lapStart, path.size()));
    List<Coordinate> closed = new ArrayList<>(lapPoints);
    closed.add(lapPoints.get(Math.min(1, lapPoints.size() - 1)));
    double lapS = energy.flightTimeS(PathMeasure.lengthM(lapPoints), PathMeasure.turns(closed), 0, 0, v);
    if (p.periodS() > 0 && lapS > p.periodS()) {
      throw PlanningException.precondition(String.format(Locale.ROOT,
          "one lap takes %.0f s, longer than the %.0f s period: lengthen the period or drop checkpoints",
          lapS, p.periodS()));
    }
    for (int k = 1; k < p.laps(); k++) {
      if (p.periodS() > 0 && p.periodS() - lapS > 0.5) {
        path.add(path.last(), alt, WaypointAction.LOITER, p.periodS() - lapS);
      }
      for (int i = 1; i < lapPoints.size(); i++) {
        path.goTo(lapPoints.get(i), alt, WaypointAction.NAVIGATE);
      }
    }
    for (Coordinate c : back) {
      path.goTo(c, alt, WaypointAction.NAVIGATE);
    }
    return lapS;
  }

  private static List<Coordinate> nodes(CorridorGraph graph, List<Integer> idx) {
    List<Coordinate> out = new ArrayList<>(idx.size());
    for (int i : idx) {
      out.add(graph.node(i));
    }
    return out;
  }
}
