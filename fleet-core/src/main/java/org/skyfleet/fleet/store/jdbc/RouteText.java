package org.skyfleet.fleet.store.jdbc;

import java.util.ArrayList;
import java.util.List;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * A route as the {@code assignment.route} column holds it: "lat lon" pairs, comma-separated, each number as
 * {@link Double#toString} writes it, so a route reads back exactly as it was saved.
 */
final class RouteText {
    private RouteText() {
    }

    /** The column's text, or null for no route. */
    static String of(List<GeoPoint> route) {
        if (route.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder(route.size() * 40);
        for (GeoPoint p : route) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(p.latDeg()).append(' ').append(p.lonDeg());
        }
        return sb.toString();
    }

    /**
     * The route in the column's text; empty for null or blank.
     *
     * @throws IllegalStateException naming the assignment when the text is not such a list (a hand-edited row)
     */
    static List<GeoPoint> parse(String text, String assignmentId) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<GeoPoint> out = new ArrayList<>();
        for (String pair : text.split(",")) {
            String[] latLon = pair.strip().split(" ");
            try {
                if (latLon.length != 2) {
                    throw new NumberFormatException("expected \"lat lon\", got \"" + pair + "\"");
                }
                out.add(new GeoPoint(Double.parseDouble(latLon[0]), Double.parseDouble(latLon[1])));
            } catch (NumberFormatException e) {
                throw new IllegalStateException("assignment " + assignmentId + " has an unreadable route: " + e.getMessage(), e);
            }
        }
        return out;
    }
}
