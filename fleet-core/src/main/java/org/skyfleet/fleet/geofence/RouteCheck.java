package org.skyfleet.fleet.geofence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Coordinate;
import org.skyfleet.fleet.vehicle.VehicleKind;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * Checks a planned path against the zones active at a given time: every leg (straight in the ground
 * plane and in altitude between consecutive waypoints) is tested with the same definition of a breach
 * as {@link ZoneIndex#check}, so a route passes exactly when a vehicle flying it would raise no breach.
 *
 * <p>Degenerate cases: no waypoint is no leg and passes; a single waypoint is checked as a point
 * (leg 0 from it to itself). A zone broken over several legs is reported on each.
 */
public final class RouteCheck {
    private final Supplier<ZoneIndex> zones;

    /** @param zones the index to check against, read on every call (e.g. {@code geofences::index}) */
    public RouteCheck(Supplier<ZoneIndex> zones) {
        this.zones = zones;
    }

    /** The breaches of a route flown by any vehicle of {@code kind} at {@code at}; AMSL bands count as met. */
    public List<RouteBreach> checkRoute(List<RouteWaypoint> waypoints, VehicleKind kind, Instant at) {
        return checkRoute(null, kind, waypoints, Double.NaN, at);
    }

    /**
     * The breaches of a route, in leg order then along each leg.
     *
     * @param vehicleId    the vehicle that will fly it, for zones that name vehicles; may be null
     * @param homeAltAmslM home altitude above mean sea level, metres, to compare with AMSL bands; NaN if unknown
     * @param at           the time the zones' schedules are evaluated at
     */
    public List<RouteBreach> checkRoute(String vehicleId, VehicleKind kind, List<RouteWaypoint> waypoints,
                                        double homeAltAmslM, Instant at) {
        ZoneIndex index = zones.get();
        List<RouteBreach> out = new ArrayList<>();
        int legs = waypoints.size() == 1 ? 1 : waypoints.size() - 1;
        for (int i = 0; i < legs && !waypoints.isEmpty(); i++) {
            FlightPoint a = point(waypoints.get(i), homeAltAmslM);
            FlightPoint b = point(waypoints.get(Math.min(i + 1, waypoints.size() - 1)), homeAltAmslM);
            Coordinate bFromA = new EnuFrame(new GeoPoint(a.latDeg(), a.lonDeg())).toLocal(
                    Ecef.of(b.latDeg(), b.lonDeg()));
            double legM = Math.hypot(bFromA.x, bFromA.y);
            for (SegmentBreach s : SegmentBreaches.along(index, vehicleId, kind, a, b, at)) {
                FlightPoint p = a.towards(b, s.s());
                out.add(new RouteBreach(i, s.zone(), s.reason(), new GeoPoint(p.latDeg(), p.lonDeg()), p.altRelM(),
                        s.s() * legM, String.format(Locale.ROOT, "leg %d (waypoint %d to %d) is %s %.0f m after waypoint %d, "
                        + "at %.6f, %.6f, %.0f m above home", i, i, Math.min(i + 1, waypoints.size() - 1),
                        ZoneBreach.describe(s.zone(), s.reason()), s.s() * legM, i, p.latDeg(), p.lonDeg(), p.altRelM())));
            }
        }
        return out;
    }

    private static FlightPoint point(RouteWaypoint w, double homeAltAmslM) {
        return new FlightPoint(w.latDeg(), w.lonDeg(), w.altRelM(), homeAltAmslM + w.altRelM());
    }
}
