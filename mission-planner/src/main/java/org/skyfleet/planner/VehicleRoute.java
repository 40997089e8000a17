package org.skyfleet.planner;

import java.util.List;
import org.skyfleet.planner.geo.GeoPolygon;

/**
 * One vehicle's part of a plan.
 *
 * @param vehicleId the vehicle
 * @param waypoints the route, first point is the take-off (or start) point
 * @param metrics the route's own metrics
 * @param assignedArea the part of the area this vehicle covers (one or more polygons), empty when not a
 *     coverage plan
 * @param requiredS flight time plus reserve, seconds
 * @param availableS time on the vehicle's remaining charge, seconds
 */
public record VehicleRoute(String vehicleId, List<Waypoint> waypoints, PlanMetrics metrics,
    List<GeoPolygon> assignedArea,
    double requiredS, double availableS) {

  public VehicleRoute {
    waypoints = List.copyOf(waypoints);
    assignedArea = assignedArea == null ? List.of() : List.copyOf(assignedArea);
  }
}
