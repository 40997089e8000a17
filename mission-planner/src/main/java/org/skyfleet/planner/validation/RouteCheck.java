package org.skyfleet.planner.validation;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.skyfleet.planner.PlannerLimits;
import org.skyfleet.planner.VehicleProfile;
import org.skyfleet.planner.Waypoint;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.planner.airspace.AirspaceZone;
import org.skyfleet.planner.energy.EnergyBudget;
import org.skyfleet.planner.geo.AreaGeometry;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.LocalFrame;

/**
 * A route prepared for the rules: its waypoints, their projection into a local frame, the airspace's
 * zones projected once, the vehicle and its energy budget (null when unknown).
 */
public final class RouteCheck {
  private static final PlannerLimits ZONE_LIMITS = PlannerLimits.FOR_ZONES;

  /** A zone in the local frame, prepared for repeated predicates. */
  public record Zone(String name, Polygon polygon, PreparedGeometry prepared, AirspaceZone source) {}

  private final List<Waypoint> waypoints;
  private final List<Coordinate> local = new ArrayList<>();
  private final Airspace airspace;
  private final VehicleProfile vehicle;
  private final EnergyBudget budget;
  private final List<Zone> exclusions = new ArrayList<>();
  private final List<Zone> inclusions = new ArrayList<>();

  public RouteCheck(List<Waypoint> waypoints, LocalFrame frame, Airspace airspace, VehicleProfile vehicle,
      EnergyBudget budget) {
    this.waypoints = List.copyOf(waypoints);
    this.airspace = airspace == null ? Airspace.OPEN : airspace;
    this.vehicle = vehicle;
    this.budget = budget;
    for (Waypoint w : waypoints) {
      local.add(frame.toLocal(new GeoPoint(w.latDeg(), w.lonDeg())));
    }
    project(this.airspace.exclusions(), exclusions, frame, "exclusion zone ");
    project(this.airspace.inclusions(), inclusions, frame, "inclusion zone ");
  }

  private static void project(List<AirspaceZone> zones, List<Zone> out, LocalFrame frame, String label) {
    for (int i = 0; i < zones.size(); i++) {
      AirspaceZone z = zones.get(i);
      String name = z.name() == null || z.name().isBlank() ? label + i : z.name();
      Polygon p = AreaGeometry.project(z.polygon(), frame, ZONE_LIMITS, label + "'" + name + "'");
      out.add(new Zone(name, p, PreparedGeometryFactory.prepare(p), z));
    }
  }

  public List<Waypoint> waypoints() {
    return waypoints;
  }

  public List<Coordinate> local() {
    return local;
  }

  public Airspace airspace() {
    return airspace;
  }

  public VehicleProfile vehicle() {
    return vehicle;
  }

  public EnergyBudget budget() {
    return budget;
  }

  public List<Zone> exclusions() {
    return exclusions;
  }

  public List<Zone> inclusions() {
    return inclusions;
  }

  /** The leg ending at waypoint i (from i-1), as a line; a point-sized leg is a tiny segment. */
  public LineString leg(int i) {
    Coordinate a = local.get(i - 1);
    Coordinate b = local.get(i);
    if (a.equals2D(b)) {
      b = new Coordinate(a.x + 1e-6, a.y);
    }
    return AreaGeometry.FACTORY.createLineString(new Coordinate[] {a, b});
  }
}
