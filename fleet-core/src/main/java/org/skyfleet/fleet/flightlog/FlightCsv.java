package org.skyfleet.fleet.flightlog;

import java.util.List;
import java.util.Locale;

/**
 * Flights as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or line break quoted,
 * quotes doubled), one row per flight under a header; times in ISO-8601 UTC, figures in the units of the header.
 * A field that would start with = + - or @ is prefixed with ' so a spreadsheet shows it as text.
 */
public final class FlightCsv {
    static final String HEADER = "flight_id,vehicle_id,airframe_profile,battery_pack,flown_by,mission_id,incident_id,takeoff_utc,"
            + "landing_utc,duration_s,distance_m,max_alt_rel_m,battery_start_percent,battery_end_percent,battery_used_percent,events";

    private FlightCsv() {
    }

    public static String of(List<FlightRecord> flights) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (FlightRecord f : flights) {
            String events = String.join("; ", f.events().stream().map(e -> e.kind() + " " + e.at()).toList());
            String[] cells = {f.flightId(), f.vehicleId(), f.profileId(), f.packId(), f.flownBy(), f.missionId(), f.incidentId(),
                    f.takeoffAt().toString(), f.landingAt().toString(), number(f.durationS(), 1), number(f.distanceM(), 1),
                    number(f.maxAltRelM(), 1), number(f.batteryStartPercent(), 0), number(f.batteryEndPercent(), 0),
                    number(f.batteryUsedPercent(), 0), events};
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(cell(cells[i]));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    static String cell(String v) {
        String s = v == null ? "" : v;
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !isNumber(s)) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    private static boolean isNumber(String s) {
        return s.matches("-?[0-9]+(\\.[0-9]+)?");
    }

    private static String number(double v, int decimals) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
