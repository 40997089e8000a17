package org.skyfleet.planner.sar;

import org.locationtech.jts.geom.Coordinate;

/** Moving along a heading in the local east-north frame. */
final class Headings {
  private Headings() {}

  /** The point {@code distanceM} from {@code from} on {@code headingDeg} (clockwise from north). */
  static Coordinate move(Coordinate from, double headingDeg, double distanceM) {
    double h = Math.toRadians(headingDeg);
    return new Coordinate(from.x + distanceM * Math.sin(h), from.y + distanceM * Math.cos(h));
  }
}
