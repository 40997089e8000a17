package org.skyfleet.planner;

import java.util.List;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.planner.coverage.CameraModel;
import org.skyfleet.planner.energy.ReservePolicy;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GeoPolygon;
import org.skyfleet.planner.inspection.InspectionParameters;
import org.skyfleet.planner.patrol.PatrolParameters;
import org.skyfleet.planner.sar.SearchParameters;

/**
 * Everything a plan is made from. Fields a pattern does not use may be null.
 *
 * <p>Terrain is taken as flat: the camera's altitude above ground is flown as altitude above home.
 * Patterns other than COVERAGE are flown by the first vehicle only.
 *
 * @param pattern what to plan
 * @param area the area (COVERAGE, PARALLEL_TRACK, CREEPING_LINE)
 * @param datum the search datum or inspection target (EXPANDING_SQUARE, SECTOR, POINT_INSPECTION)
 * @param camera the sensor; its sweep width is the track spacing (COVERAGE and SAR patterns)
 * @param vehicles the vehicles that may fly, in order of preference
 * @param airspace inclusion/exclusion zones and altitude limits (null: open airspace 0..120 m)
 * @param reserve battery reserve (null: {@link ReservePolicy#DEFAULT})
 * @param split how COVERAGE is shared among vehicles (null: {@link SplitPolicy#FIRST_VEHICLE})
 * @param search SAR parameters (EXPANDING_SQUARE, SECTOR)
 * @param patrol patrol parameters (PATROL)
 * @param inspection inspection parameters (POINT_INSPECTION)
 */
public record PlanRequest(Pattern pattern, GeoPolygon area, GeoPoint datum, CameraModel camera,
    List<VehicleProfile> vehicles, Airspace airspace, ReservePolicy reserve, SplitPolicy split,
    SearchParameters search, PatrolParameters patrol, InspectionParameters inspection) {

  public PlanRequest {
    vehicles = vehicles == null ? List.of() : List.copyOf(vehicles);
    airspace = airspace == null ? Airspace.OPEN : airspace;
    reserve = reserve == null ? ReservePolicy.DEFAULT : reserve;
    split = split == null ? SplitPolicy.FIRST_VEHICLE : split;
  }

  public static PlanRequest coverage(GeoPolygon area, CameraModel camera, List<VehicleProfile> vehicles,
      Airspace airspace, SplitPolicy split) {
    return new PlanRequest(Pattern.COVERAGE, area, null, camera, vehicles, airspace, null, split, null, null, null);
  }

  /** EXPANDING_SQUARE or SECTOR around a datum. */
  public static PlanRequest datumSearch(Pattern pattern, GeoPoint datum, CameraModel camera, SearchParameters search,
      VehicleProfile vehicle, Airspace airspace) {
    return new PlanRequest(pattern, null, datum, camera, List.of(vehicle), airspace, null, null, search, null, null);
  }

  /** PARALLEL_TRACK or CREEPING_LINE over an area's bounding rectangle. */
  public static PlanRequest rectangleSearch(Pattern pattern, GeoPolygon area, CameraModel camera,
      VehicleProfile vehicle, Airspace airspace) {
    return new PlanRequest(pattern, area, null, camera, List.of(vehicle), airspace, null, null, null, null, null);
  }

  public static PlanRequest patrol(PatrolParameters patrol, VehicleProfile vehicle, Airspace airspace) {
    return new PlanRequest(Pattern.PATROL, null, null, null, List.of(vehicle), airspace, null, null, null, patrol,
        null);
  }

  public static PlanRequest inspection(GeoPoint target, InspectionParameters inspection, VehicleProfile vehicle,
      Airspace airspace) {
    return new PlanRequest(Pattern.POINT_INSPECTION, null, target, null, List.of(vehicle), airspace, null, null, null,
        null, inspection);
  }

  public PlanRequest withReserve(ReservePolicy r) {
    return new PlanRequest(pattern, area, datum, camera, vehicles, airspace, r, split, search, patrol, inspection);
  }
}
