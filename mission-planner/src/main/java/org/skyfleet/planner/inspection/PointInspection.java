package org.skyfleet.planner.inspection;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.skyfleet.planner.PlanningException;

/**
 * The orbit of a point inspection: points on a circle around the target, clockwise seen from above,
 * starting at the point of the circle nearest to where the vehicle comes from.
 *
 * <p>The circle is approximated by a polygon whose chords stay within 1 m (at most 72 points per
 * turn, at least 8). Degenerate case: an approach from the target itself starts due north.
 */
public final class PointInspection {
  private PointInspection() {}

  public static List<Coordinate> orbit(Coordinate target, Coordinate from, InspectionParameters p) {
    if (!(p.orbitRadiusM() > 0) || p.orbitTurns() < 1 || p.orbitTurns() > 100) {
      throw PlanningException.invalid("inspection needs an orbit radius above 0 m and 1..100 turns, got "
          + p.orbitRadiusM() + " m and " + p.orbitTurns() + " turns");
    }
    double r = p.orbitRadiusM();
    int perTurn = (int) Math.ceil(Math.PI / Math.acos(Math.max(-1, 1 - 1.0 / r)));
    perTurn = Math.max(8, Math.min(72, perTurn));
    double start = from.distance(target) < 1e-6 ? Math.PI / 2 : Math.atan2(from.y - target.y, from.x - target.x);
    List<Coordinate> out = new ArrayList<>();
    for (int k = 0; k <= perTurn * p.orbitTurns(); k++) {
      double a = start - 2 * Math.PI * k / perTurn;
      out.add(new Coordinate(target.x + r * Math.cos(a), target.y + r * Math.sin(a)));
    }
    return out;
  }
}
