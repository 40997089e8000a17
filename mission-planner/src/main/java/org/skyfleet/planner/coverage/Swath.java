package org.skyfleet.planner.coverage;

import org.locationtech.jts.geom.Coordinate;

/**
 * One sweep line in the rotated frame where sweeps run along x.
 *
 * @param band index of the band (sweep line) this swath lies on, from the lowest y
 * @param y the sweep line, metres
 * @param x0 western end, metres
 * @param x1 eastern end, metres, at least x0
 */
public record Swath(int band, double y, double x0, double x1) {

  public double lengthM() {
    return x1 - x0;
  }

  public Coordinate left() {
    return new Coordinate(x0, y);
  }

  public Coordinate right() {
    return new Coordinate(x1, y);
  }

  /** True when the x ranges of two swaths overlap by more than a millimetre. */
  public boolean overlapsInX(Swath o) {
    return Math.min(x1, o.x1) - Math.max(x0, o.x0) > 1e-3;
  }
}
