package org.skyfleet.planner.sar;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.MinimumDiameter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.skyfleet.planner.PlanningException;

/**
 * IAMSAR parallel track (PS) and creeping line (CS) over the area's minimum bounding rectangle.
 *
 * <p>Parallel track: tracks along the rectangle's long side, advancing across the short side.
 * Creeping line: tracks along the short side, advancing along the long side. Tracks are S apart or
 * slightly closer (the rectangle is cut into ⌈side / S⌉ equal strips, one track in the middle of
 * each) and run the rectangle's full length. The pattern starts at the corner nearest the vehicle.
 */
public final class RectangleSweep {
  /** Most tracks one pattern may have. */
  public static final int MAX_TRACKS = 20_000;

  private RectangleSweep() {}

  public static List<Coordinate> points(Polygon area, double trackSpacingM, boolean alongLongSide, Coordinate from) {
    if (!(trackSpacingM > 0)) {
      throw PlanningException.invalid("track spacing must be above 0 m");
    }
    Geometry rect = new MinimumDiameter(area).getMinimumRectangle();
    Coordinate[] c = rect.getCoordinates();
    if (c.length < 4) {
      throw PlanningException.invalid("the search area has no extent");
    }
    Coordinate o = c[0];
    double ax = c[1].x - o.x, ay = c[1].y - o.y;
    double bx = c[3].x - o.x, by = c[3].y - o.y;
    double la = Math.hypot(ax, ay), lb = Math.hypot(bx, by);
    boolean aIsTrack = (la >= lb) == alongLongSide;
    double trackLen = aIsTrack ? la : lb;
    double acrossLen = aIsTrack ? lb : la;
    double[] t = aIsTrack ? new double[] {ax / la, ay / la} : new double[] {bx / lb, by / lb};
    double[] n = aIsTrack ? new double[] {bx / lb, by / lb} : new double[] {ax / la, ay / la};
    int tracks = Math.max(1, (int) Math.ceil(acrossLen / trackSpacingM - 1e-9));
    if (tracks > MAX_TRACKS) {
      throw PlanningException.exhausted("the rectangle needs " + tracks + " tracks; the limit is " + MAX_TRACKS
          + ": increase the track spacing");
    }
    double s = acrossLen / tracks;
    List<Coordinate> best = null;
    double bestD = Double.POSITIVE_INFINITY;
    for (int flip = 0; flip < 4; flip++) {
      List<Coordinate> pts = new ArrayList<>(2 * tracks);
      boolean forward = (flip & 1) == 0;
      for (int i = 0; i < tracks; i++) {
        int row = (flip & 2) == 0 ? i : tracks - 1 - i;
        double off = (row + 0.5) * s;
        Coordinate p0 = new Coordinate(o.x + n[0] * off, o.y + n[1] * off);
        Coordinate p1 = new Coordinate(p0.x + t[0] * trackLen, p0.y + t[1] * trackLen);
        pts.add(forward ? p0 : p1);
        pts.add(forward ? p1 : p0);
        forward = !forward;
      }
      double d = from.distance(pts.get(0));
      if (d < bestD) {
        bestD = d;
        best = pts;
      }
    }
    return best;
  }
}
