package org.skyfleet.planner.split;

import java.util.Arrays;

/**
 * Shares of an area so that vehicles finish at about the same time, within what each can fly.
 *
 * <p>Definition: a vehicle sweeping at speed v covers area at a rate proportional to v, so equal
 * finishing times mean shares proportional to speed. Each share is capped by the vehicle's capacity
 * (the share of the area its usable battery time can sweep); the excess of capped vehicles is spread
 * over the others in proportion to speed (water filling). Degenerate case: when the caps sum to less
 * than 1 the shares are proportional to the caps (the plan will then fail its energy check).
 */
public final class CapacityShares {
  private CapacityShares() {}

  /**
   * @param speeds cruise speeds, metres per second
   * @param caps largest share each vehicle can fly, 0..
   */
  public static double[] of(double[] speeds, double[] caps) {
    int n = speeds.length;
    double capSum = Arrays.stream(caps).sum();
    double[] share = new double[n];
    if (capSum <= 1.0) {
      for (int i = 0; i < n; i++) {
        share[i] = capSum > 0 ? caps[i] / capSum : 1.0 / n;
      }
      return share;
    }
    boolean[] fixed = new boolean[n];
    double left = 1.0;
    for (int round = 0; round < n; round++) {
      double speedSum = 0;
      for (int i = 0; i < n; i++) {
        if (!fixed[i]) {
          speedSum += speeds[i];
        }
      }
      boolean changed = false;
      for (int i = 0; i < n; i++) {
        if (!fixed[i]) {
          share[i] = left * speeds[i] / speedSum;
          if (share[i] > caps[i]) {
            share[i] = caps[i];
            fixed[i] = true;
            left -= caps[i];
            changed = true;
          }
        }
      }
      if (!changed) {
        break;
      }
    }
    return share;
  }
}
