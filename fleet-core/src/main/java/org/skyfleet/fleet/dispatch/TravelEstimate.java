package org.skyfleet.fleet.dispatch;

import java.util.List;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GreatCircle;

/**
 * How far and how long a unit's way to a target is, and how that was worked out.
 *
 * @param method how: by road (with {@code route}) or the straight-line fallback
 * @param route  the way by road, from the unit to the target (WGS-84); empty for a straight-line estimate
 */
public record TravelEstimate(double distanceM, double etaS, EtaMethod method, List<GeoPoint> route) {
    public TravelEstimate {
        method = method == null ? EtaMethod.STRAIGHT_LINE : method;
        route = route == null ? List.of() : List.copyOf(route);
    }

    /** A straight-line estimate: no route. */
    public TravelEstimate(double distanceM, double etaS) {
        this(distanceM, etaS, EtaMethod.STRAIGHT_LINE, List.of());
    }

    /** The length of a polyline, metres (great circle between its points); 0 for fewer than two points. */
    public static double lengthM(List<GeoPoint> line) {
        double m = 0;
        for (int i = 1; i < line.size(); i++) {
            m += GreatCircle.distanceM(line.get(i - 1), line.get(i));
        }
        return m;
    }
}
