package org.skyfleet.fleet.flightlog;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Flights summed by a key (an airframe profile, a pilot).
 *
 * @param key        the profile id or "subject (role)"; "" for flights with none
 * @param flights    how many
 * @param hours      flight hours
 * @param distanceM  metres flown
 */
public record FlightTotals(String key, int flights, double hours, double distanceM) {

    /** Totals per airframe profile, in key order. */
    public static List<FlightTotals> byAirframe(List<FlightRecord> flights) {
        return by(flights, FlightRecord::profileId);
    }

    /** Totals per pilot (or automation), in key order. */
    public static List<FlightTotals> byPilot(List<FlightRecord> flights) {
        return by(flights, FlightRecord::flownBy);
    }

    static List<FlightTotals> by(List<FlightRecord> flights, Function<FlightRecord, String> key) {
        Map<String, FlightTotals> out = new TreeMap<>();
        for (FlightRecord f : flights) {
            out.merge(key.apply(f), new FlightTotals(key.apply(f), 1, f.durationS() / 3600, f.distanceM()),
                    (a, b) -> new FlightTotals(a.key(), a.flights() + b.flights(), a.hours() + b.hours(), a.distanceM() + b.distanceM()));
        }
        return List.copyOf(out.values());
    }
}
