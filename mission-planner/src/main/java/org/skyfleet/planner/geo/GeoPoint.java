package org.skyfleet.planner.geo;

import org.skyfleet.planner.PlanningException;

/**
 * A WGS84 position.
 *
 * @param latDeg latitude in degrees, -90..90
 * @param lonDeg longitude in degrees, -180..180
 */
public record GeoPoint(double latDeg, double lonDeg) {

  /**
   * Checks that both coordinates are finite and in range.
   *
   * @param label what this point is, for the message (e.g. "outer ring point 17")
   * @throws PlanningException INVALID_ARGUMENT naming the point and the bad value
   */
  public GeoPoint validate(String label) {
    if (!Double.isFinite(latDeg) || !Double.isFinite(lonDeg)) {
      throw PlanningException.invalid(
          label + ": coordinates must be numbers, got lat=" + latDeg + ", lon=" + lonDeg);
    }
    if (latDeg < -90 || latDeg > 90) {
      throw PlanningException.invalid(
          label + ": latitude " + latDeg + " is outside -90..90 (are latitude and longitude swapped?)");
    }
    if (lonDeg < -180 || lonDeg > 180) {
      throw PlanningException.invalid(label + ": longitude " + lonDeg + " is outside -180..180");
    }
    return this;
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "(%.6f, %.6f)", latDeg, lonDeg);
  }
}
