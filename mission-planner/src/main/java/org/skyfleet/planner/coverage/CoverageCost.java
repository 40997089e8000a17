package org.skyfleet.planner.coverage;

/**
 * The cost a coverage path is optimised for: its length plus a penalty per turn, both in metres.
 * A turn costs time (deceleration, yaw) that a straight leg does not.
 *
 * @param turnPenaltyM metres of straight flight one turn is worth
 */
public record CoverageCost(double turnPenaltyM) {

  public double of(double lengthM, int turns) {
    return lengthM + turnPenaltyM * turns;
  }
}
