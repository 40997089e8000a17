package org.skyfleet.fleet.response;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.skyfleet.planner.PlannerLimits;
import org.skyfleet.planner.PlanningException;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.planner.airspace.LocalAirspace;
import org.skyfleet.planner.airspace.VisibilityRouter;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.LocalFrame;

/**
 * The way from a drone to a scene at the response altitude, clear of every zone that applies between the
 * ground and that altitude (the climb is vertical at the dock): the straight line when it is allowed, else the
 * shortest detour round the zones' corners. The scene itself must be a place a drone may fly over.
 */
public final class ResponseRoute {
    private ResponseRoute() {
    }

    /** Why no drone may fly over {@code scene} at all, if that is so (a no-fly zone, outside the inclusions). */
    public static Optional<Refusal> sceneRefusal(Airspace airspace, GeoPoint scene, double altitudeRelM) {
        LocalAirspace local = LocalAirspace.of(airspace, new LocalFrame(scene), 0, altitudeRelM, PlannerLimits.DEFAULTS);
        Coordinate c = local.frame().toLocal(scene);
        if (local.pointAllowed(c)) {
            return Optional.empty();
        }
        String why = local.whyNotAllowed(c);
        return Optional.of(Refusal.of(Refusal.Rule.NO_FLY_ZONE, "the scene is " + why, "why", why));
    }

    /**
     * The waypoints from {@code from} (excluded) to {@code scene} (included), each to be flown at the response altitude.
     *
     * @throws IllegalStateException (with the planner's reason) when no route stays clear of the zones
     */
    public static List<GeoPoint> plan(Airspace airspace, GeoPoint from, GeoPoint scene, double altitudeRelM) {
        LocalAirspace local = LocalAirspace.of(airspace, new LocalFrame(scene), 0, altitudeRelM, PlannerLimits.DEFAULTS);
        try {
            List<Coordinate> path = new VisibilityRouter(local).route(local.frame().toLocal(from), local.frame().toLocal(scene));
            List<GeoPoint> out = new ArrayList<>();
            for (int i = 1; i < path.size(); i++) {
                out.add(i == path.size() - 1 ? scene : local.frame().toGeo(path.get(i)));
            }
            return out;
        } catch (PlanningException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
