package org.skyfleet.planner.energy;

import org.skyfleet.planner.VehicleKind;
import org.skyfleet.planner.VehicleProfile;

/**
 * Flight time of a route.
 *
 * <p>time = length / cruise speed + (climb to the highest altitude + descent) / climb rate
 * + turns · cruise speed / acceleration (slowing down and speeding up again) + holds.
 * Ground robots have no climb. Wind is not modelled; the reserve covers it.
 *
 * @param accelerationMps2 horizontal acceleration and braking, metres per second squared
 */
public record EnergyModel(double accelerationMps2) {

  public static final EnergyModel DEFAULT = new EnergyModel(2.5);

  public double flightTimeS(double lengthM, int turns, double maxAltRelM, double holdS, VehicleProfile v) {
    double cruise = lengthM / v.cruiseSpeedMps();
    double climb = v.kind() == VehicleKind.MULTICOPTER ? 2 * Math.max(0, maxAltRelM) / v.climbRateMps() : 0;
    double turning = turns * v.cruiseSpeedMps() / accelerationMps2;
    return cruise + climb + turning + holdS;
  }
}
