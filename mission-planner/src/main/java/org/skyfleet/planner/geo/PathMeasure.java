package org.skyfleet.planner.geo;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;

/**
 * Length and turn count of a polyline in the local frame.
 *
 * <p>A turn is a vertex where the heading changes by more than {@link #TURN_THRESHOLD_DEG}; zero
 * length segments are skipped, so repeated points never count as turns.
 */
public final class PathMeasure {
  /** Heading change, degrees, above which a vertex counts as a turn. */
  public static final double TURN_THRESHOLD_DEG = 20.0;

  private PathMeasure() {}

  public static double lengthM(List<Coordinate> path) {
    double len = 0;
    for (int i = 1; i < path.size(); i++) {
      len += path.get(i - 1).distance(path.get(i));
    }
    return len;
  }

  public static int turns(List<Coordinate> path) {
    double cosLimit = Math.cos(Math.toRadians(TURN_THRESHOLD_DEG));
    int turns = 0;
    double px = Double.NaN, py = Double.NaN;
    for (int i = 1; i < path.size(); i++) {
      double dx = path.get(i).x - path.get(i - 1).x;
      double dy = path.get(i).y - path.get(i - 1).y;
      double len = Math.hypot(dx, dy);
      if (len < 1e-6) {
        continue;
      }
      dx /= len;
      dy /= len;
      if (!Double.isNaN(px) && px * dx + py * dy < cosLimit) {
        turns++;
      }
      px = dx;
      py = dy;
    }
    return turns;
  }
}
