package org.skyfleet.planner.energy;

import java.util.Locale;
import org.skyfleet.planner.VehicleProfile;

/**
 * Whether a route's flight time fits a vehicle's remaining charge with the reserve kept back.
 *
 * @param flightTimeS the route's flight time, seconds
 * @param reserveS time kept back, seconds
 * @param availableS time on the remaining charge, seconds
 */
public record EnergyBudget(double flightTimeS, double reserveS, double availableS) {

  public static EnergyBudget of(double flightTimeS, VehicleProfile v, ReservePolicy reserve) {
    return new EnergyBudget(flightTimeS, reserve.reserveS(v.enduranceS()), v.availableS());
  }

  public double requiredS() {
    return flightTimeS + reserveS;
  }

  public boolean fits() {
    return requiredS() <= availableS;
  }

  /** "needs 1520 s (1400 s flight + 120 s reserve), 1300 s available". */
  public String describe() {
    return String.format(Locale.ROOT, "needs %.0f s (%.0f s flight + %.0f s reserve), %.0f s available",
        requiredS(), flightTimeS, reserveS, availableS);
  }
}
