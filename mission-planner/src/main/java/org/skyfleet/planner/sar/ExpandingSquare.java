package org.skyfleet.planner.sar;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.skyfleet.planner.PlanningException;

/**
 * IAMSAR expanding square search (SS).
 *
 * <p>From the datum, legs of S, S, 2S, 2S, 3S, 3S, ... with a 90° right turn after each leg, where S
 * is the track spacing. The pattern stops once it has flown the sides of a square of at least twice the
 * search radius, closing the last side. Degenerate case: a radius below S/2 gives the first square
 * (S, S, S) only.
 */
public final class ExpandingSquare {
  /** Most legs one pattern may have; about (2R / S)² / 2 metres of track. */
  public static final int MAX_LEGS = 4_000;

  private ExpandingSquare() {}

  /**
   * The pattern's turning points, starting with the datum.
   *
   * @param datum the search datum, local frame
   * @param trackSpacingM S, metres
   * @param radiusM half the side of the square to search, metres
   * @param courseDeg course of the first leg, degrees clockwise from north
   */
  public static List<Coordinate> points(Coordinate datum, double trackSpacingM, double radiusM, double courseDeg) {
    if (!(trackSpacingM > 0) || !(radiusM > 0)) {
      throw PlanningException.invalid("expanding square needs a track spacing and a search radius above 0 m");
    }
    int m = Math.max(1, (int) Math.ceil(2 * radiusM / trackSpacingM));
    if (2 * m + 1 > MAX_LEGS) {
      throw PlanningException.exhausted("expanding square of radius " + radiusM + " m at " + trackSpacingM
          + " m spacing needs " + (2 * m + 1) + " legs; the limit is " + MAX_LEGS + ": reduce the radius");
    }
    List<Coordinate> out = new ArrayList<>(2 * m + 2);
    out.add(new Coordinate(datum));
    Coordinate at = datum;
    double heading = courseDeg;
    for (int k = 1; k <= 2 * m + 1; k++) {
      int mult = k <= 2 * m ? (k + 1) / 2 : m;
      at = Headings.move(at, heading, mult * trackSpacingM);
      out.add(at);
      heading += 90;
    }
    return out;
  }
}
