package org.skyfleet.planner;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.planner.energy.EnergyBudget;
import org.skyfleet.planner.energy.EnergyModel;
import org.skyfleet.planner.energy.ReservePolicy;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.LocalFrame;
import org.skyfleet.planner.geo.PathMeasure;
import org.skyfleet.planner.validation.PlanValidator;
import org.skyfleet.planner.validation.RouteCheck;
import org.skyfleet.planner.validation.Violation;

/**
 * The planner's entry point: plans search, coverage, patrol and inspection missions, and checks
 * routes made elsewhere (e.g. imported from QGroundControl).
 *
 * <p>Stateless and thread-safe; one instance can serve every request. Every failure is a
 * {@link PlanningException} whose kind maps onto a gRPC status.
 */
public final class MissionPlanner {
  private final PlannerLimits limits;
  private final EnergyModel energy;

  public MissionPlanner() {
    this(PlannerLimits.DEFAULTS, EnergyModel.DEFAULT);
  }

  public MissionPlanner(PlannerLimits limits, EnergyModel energy) {
    this.limits = limits;
    this.energy = energy;
  }

  /**
   * Plans a mission.
   *
   * @return a plan whose every route passed the exclusion, inclusion, altitude and energy rules
   * @throws PlanningException INVALID_ARGUMENT (bad input), FAILED_PRECONDITION (no route around a zone,
   *     not enough battery, lap longer than period), RESOURCE_EXHAUSTED (over a {@link PlannerLimits} limit)
   */
  public Plan plan(PlanRequest request) {
    if (request == null || request.pattern() == null) {
      throw PlanningException.invalid("the plan request has no pattern");
    }
    return switch (request.pattern()) {
      case COVERAGE -> new CoveragePlanner(limits, energy).plan(request);
      case EXPANDING_SQUARE, SECTOR, PARALLEL_TRACK, CREEPING_LINE -> new SearchPlanner(limits, energy).plan(request);
      case PATROL -> new PatrolPlanner(limits, energy).plan(request);
      case POINT_INSPECTION -> new InspectionPlanner(limits, energy).plan(request);
    };
  }

  /**
   * Checks a route made elsewhere against the airspace and, when a vehicle is given, its battery.
   *
   * @return every violation found, empty when the route is flyable
   */
  public List<Violation> validate(List<Waypoint> route, VehicleProfile vehicle, Airspace airspace,
      ReservePolicy reserve) {
    if (route == null || route.isEmpty()) {
      throw PlanningException.invalid("the route has no waypoints");
    }
    for (int i = 0; i < route.size(); i++) {
      Waypoint w = route.get(i);
      new GeoPoint(w.latDeg(), w.lonDeg()).validate("waypoint " + i);
    }
    LocalFrame frame = new LocalFrame(new GeoPoint(route.get(0).latDeg(), route.get(0).lonDeg()));
    EnergyBudget budget = null;
    if (vehicle != null) {
      vehicle.validate();
      List<Coordinate> local = route.stream()
          .map(w -> frame.toLocal(new GeoPoint(w.latDeg(), w.lonDeg()))).toList();
      double maxAlt = route.stream().mapToDouble(Waypoint::altRelM).max().orElse(0);
      double hold = route.stream().mapToDouble(Waypoint::holdS).sum();
      double time = energy.flightTimeS(PathMeasure.lengthM(local), PathMeasure.turns(local), maxAlt, hold, vehicle);
      budget = EnergyBudget.of(time, vehicle, reserve == null ? ReservePolicy.DEFAULT : reserve);
    }
    return PlanValidator.standard().validate(new RouteCheck(route, frame, airspace, vehicle, budget));
  }

  static List<VehicleProfile> requireVehicles(PlanRequest r) {
    if (r.vehicles().isEmpty()) {
      throw PlanningException.invalid(r.pattern() + " needs at least one vehicle");
    }
    r.vehicles().forEach(VehicleProfile::validate);
    return r.vehicles();
  }
}
