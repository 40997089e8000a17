package org.skyfleet.planner;

import org.locationtech.jts.geom.Coordinate;
import org.skyfleet.planner.airspace.LocalAirspace;
import org.skyfleet.planner.airspace.VisibilityRouter;
import org.skyfleet.planner.energy.EnergyModel;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.LocalFrame;
import org.skyfleet.planner.route.LocalPath;

/**
 * What every pattern planner shares for one request: the frame, the airspace for the flight band, the
 * router around it, and the energy model.
 */
record PlanContext(PlanRequest request, PlannerLimits limits, EnergyModel energy, LocalFrame frame,
    LocalAirspace airspace, VisibilityRouter router) {

  static PlanContext of(PlanRequest request, PlannerLimits limits, EnergyModel energy, LocalFrame frame,
      double flightAltRelM) {
    LocalAirspace airspace = LocalAirspace.of(request.airspace(), frame, 0, flightAltRelM, limits);
    return new PlanContext(request, limits, energy, frame, airspace, new VisibilityRouter(airspace));
  }

  Coordinate local(GeoPoint p) {
    return frame.toLocal(p);
  }

  /** The altitude a vehicle works at: the requested one, or 0 for a ground robot. */
  static double altitudeFor(VehicleProfile v, double altRelM) {
    return v.kind() == VehicleKind.GROUND_ROBOT ? 0 : altRelM;
  }

  /** A path that starts with the vehicle's take-off (drones) or start point (ground robots). */
  LocalPath begin(VehicleProfile v, double altRelM) {
    LocalPath path = new LocalPath(router);
    boolean ground = v.kind() == VehicleKind.GROUND_ROBOT;
    WaypointAction first = ground ? WaypointAction.NAVIGATE : WaypointAction.TAKEOFF;
    return path.add(local(v.start()), ground ? 0 : altRelM, first, 0);
  }

  /** Ends a path at the vehicle's home: return-to-launch for drones, a last point for ground robots. */
  LocalPath end(LocalPath path, VehicleProfile v, double altRelM) {
    boolean ground = v.kind() == VehicleKind.GROUND_ROBOT;
    return path.goTo(local(v.home()), ground ? 0 : altRelM,
        ground ? WaypointAction.NAVIGATE : WaypointAction.RETURN_TO_LAUNCH);
  }
}
