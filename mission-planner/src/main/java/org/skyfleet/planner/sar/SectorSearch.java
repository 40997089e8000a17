package org.skyfleet.planner.sar;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.skyfleet.planner.PlanningException;

/**
 * IAMSAR sector search (VS).
 *
 * <p>Nine legs of length R (the radius), each followed by a 120° right turn, passing through the datum
 * every third leg: datum, P(C), P(C+60), datum, P(C+240), P(C+300), datum, P(C+120), P(C+180), datum,
 * where P(b) is the point at bearing b and distance R. The search legs split the circle into six 60°
 * sectors. A second pass, if asked, repeats the pattern turned 30° right.
 */
public final class SectorSearch {
  private static final double[] BEARINGS = {0, 60, Double.NaN, 240, 300, Double.NaN, 120, 180, Double.NaN};

  private SectorSearch() {}

  public static List<Coordinate> points(Coordinate datum, double radiusM, double courseDeg, boolean secondPass) {
    if (!(radiusM > 0)) {
      throw PlanningException.invalid("sector search needs a radius above 0 m");
    }
    List<Coordinate> out = new ArrayList<>();
    out.add(new Coordinate(datum));
    int passes = secondPass ? 2 : 1;
    for (int p = 0; p < passes; p++) {
      double c = courseDeg + 30 * p;
      for (double b : BEARINGS) {
        out.add(Double.isNaN(b) ? new Coordinate(datum) : Headings.move(datum, c + b, radiusM));
      }
    }
    return out;
  }
}
