package org.skyfleet.planner;

/**
 * Named limits checked before any expensive work, so an oversized request fails fast.
 *
 * @param maxVertices most vertices over the area's rings together (checked before geometry is built)
 * @param maxAreaM2 largest area the planner accepts, square metres
 * @param maxExtentM largest east-west or north-south extent of an area, metres (keeps the local frame accurate)
 * @param maxSweeps most sweep lines a coverage plan may have (area / sweep width over its extent)
 * @param exclusionMarginM distance routes keep from exclusion zones and inclusion boundaries, metres
 * @param turnPenaltyM cost of one turn in metres of path when choosing sweep direction and cell order
 */
public record PlannerLimits(
    int maxVertices,
    double maxAreaM2,
    double maxExtentM,
    int maxSweeps,
    double exclusionMarginM,
    double turnPenaltyM) {

  /** 20,000 vertices: a 10,000-vertex outline plans in about 0.4 s, 100,000 in about 5 s on 2 cores. */
  public static final int MAX_VERTICES = 20_000;
  /** 1,000 km². */
  public static final double MAX_AREA_M2 = 1_000e6;
  /** 100 km. */
  public static final double MAX_EXTENT_M = 100_000;
  /** 20,000 sweep lines. */
  public static final int MAX_SWEEPS = 20_000;

  /**
   * Limits for airspace zones, which may be larger than any area planned over (a control zone):
   * the vertex limit applies, the area limit does not, the extent limit is 400 km.
   */
  public static final PlannerLimits FOR_ZONES =
      new PlannerLimits(MAX_VERTICES, Double.MAX_VALUE, 400_000, 0, 0, 0);

  public static final PlannerLimits DEFAULTS =
      new PlannerLimits(MAX_VERTICES, MAX_AREA_M2, MAX_EXTENT_M, MAX_SWEEPS, 5.0, 30.0);
}
