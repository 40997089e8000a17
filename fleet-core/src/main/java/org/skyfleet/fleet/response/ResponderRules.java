package org.skyfleet.fleet.response;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GreatCircle;

/**
 * The named rules one drone must pass to fly one call: range, battery for the round trip with time over the
 * scene and the reserve, wind within its airframe's limit, and a thermal camera at night. Every rule broken
 * is returned, not only the first.
 */
public final class ResponderRules {
    private ResponderRules() {
    }

    public static List<Refusal> check(Responder r, GeoPoint scene, CallConditions conditions, ResponsePolicy policy) {
        List<Refusal> out = new ArrayList<>();
        double distanceM = GreatCircle.distanceM(r.position(), scene);
        if (distanceM > policy.maxRangeM()) {
            out.add(Refusal.of(Refusal.Rule.OUT_OF_RANGE, String.format(Locale.ROOT, "%s is %.0f m from the scene, beyond the %.0f m range",
                    r.vehicleId(), distanceM, policy.maxRangeM()), "vehicle", r.vehicleId(), "distance_m", fmt(distanceM),
                    "range_m", fmt(policy.maxRangeM())));
        }
        double flightS = 2 * r.secondsTo(scene, policy.altitudeRelM(), distanceM) + policy.holdOnSceneS();
        double neededPercent = 100 * flightS / r.enduranceS() + policy.reservePercent();
        if (r.batteryPercent() < neededPercent) {
            out.add(Refusal.of(Refusal.Rule.BATTERY, String.format(Locale.ROOT,
                    "%s has %.0f %% battery, needs %.0f %% to fly there, hold %.0f min and come back with the reserve",
                    r.vehicleId(), r.batteryPercent(), neededPercent, policy.holdOnSceneS() / 60), "vehicle", r.vehicleId(),
                    "battery_percent", fmt(r.batteryPercent()), "needed_percent", fmt(neededPercent)));
        }
        double wind = conditions.windFor(r.vehicleId());
        if (!Double.isNaN(wind) && wind > r.windLimitMps()) {
            out.add(Refusal.of(Refusal.Rule.WIND, String.format(Locale.ROOT, "wind %.1f m/s is above %s's limit of %.1f m/s",
                    wind, r.vehicleId(), r.windLimitMps()), "vehicle", r.vehicleId(),
                    "wind_m_s", String.format(Locale.ROOT, "%.1f", wind),
                    "limit_m_s", String.format(Locale.ROOT, "%.1f", r.windLimitMps())));
        }
        if (conditions.night() && !r.thermal()) {
            out.add(Refusal.of(Refusal.Rule.NIGHT_NO_THERMAL, r.vehicleId() + " has no thermal camera and it is night at the scene",
                    "vehicle", r.vehicleId()));
        }
        return out;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
