package org.skyfleet.planner.energy;

/**
 * How much flight time is kept back for the return home and the unexpected.
 *
 * <p>Reserve = max(enduranceS · reservePercent / 100, minReserveS). Every route ends at home, so if the
 * route fits, the time left at any point of it covers the straight way home (the rest of the route is
 * never shorter); the reserve is kept on top of that, for wind, a detour or a second approach.
 *
 * @param reservePercent share of the full endurance kept back, percent 0..100
 * @param minReserveS at least this many seconds kept back
 */
public record ReservePolicy(double reservePercent, double minReserveS) {

  /** 20 % of endurance, at least two minutes. */
  public static final ReservePolicy DEFAULT = new ReservePolicy(20, 120);

  public double reserveS(double enduranceS) {
    return Math.max(enduranceS * reservePercent / 100.0, minReserveS);
  }
}
