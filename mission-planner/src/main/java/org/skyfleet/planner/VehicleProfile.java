package org.skyfleet.planner;

import org.skyfleet.planner.geo.GeoPoint;

/**
 * A vehicle as the planner sees it.
 *
 * @param id vehicle id
 * @param kind multicopter or ground robot
 * @param start where the vehicle is now
 * @param home where it returns to (launch point)
 * @param cruiseSpeedMps cruise speed, metres per second, above 0
 * @param climbRateMps climb and descent rate, metres per second, above 0 (ignored for ground robots)
 * @param enduranceS time on a full battery at cruise, seconds
 * @param batteryPercent charge left, percent 0..100
 */
public record VehicleProfile(String id, VehicleKind kind, GeoPoint start, GeoPoint home, double cruiseSpeedMps,
    double climbRateMps, double enduranceS, double batteryPercent) {

  /** Time available on the remaining charge, seconds. */
  public double availableS() {
    return enduranceS * batteryPercent / 100.0;
  }

  /** Checks every field, naming the vehicle in the message. */
  public VehicleProfile validate() {
    String who = "vehicle '" + id + "'";
    if (id == null || id.isBlank()) {
      throw PlanningException.invalid("a vehicle has no id");
    }
    if (kind == null) {
      throw PlanningException.invalid(who + " has no kind (MULTICOPTER or GROUND_ROBOT)");
    }
    if (start == null || home == null) {
      throw PlanningException.invalid(who + " needs a start and a home position");
    }
    start.validate(who + " start");
    home.validate(who + " home");
    if (!(cruiseSpeedMps > 0) || !Double.isFinite(cruiseSpeedMps)) {
      throw PlanningException.invalid(who + ": cruise speed " + cruiseSpeedMps + " m/s must be above 0");
    }
    if (kind == VehicleKind.MULTICOPTER && !(climbRateMps > 0)) {
      throw PlanningException.invalid(who + ": climb rate " + climbRateMps + " m/s must be above 0");
    }
    if (!(enduranceS > 0) || !Double.isFinite(enduranceS)) {
      throw PlanningException.invalid(who + ": endurance " + enduranceS + " s must be above 0");
    }
    if (!(batteryPercent >= 0 && batteryPercent <= 100)) {
      throw PlanningException.invalid(who + ": battery " + batteryPercent + " % must be in 0..100");
    }
    return this;
  }
}
