package org.skyfleet.planner;

import java.util.List;
import org.skyfleet.planner.geo.GeoPolygon;
import org.skyfleet.planner.validation.Violation;

/**
 * A validated plan.
 *
 * @param pattern the pattern planned
 * @param routes one route per vehicle that flies
 * @param metrics totals: summed length and turns, the longest flight time, covered area and ratio
 * @param footprint the covered area as polygons (empty when not a survey)
 * @param sweepWidthM track spacing used, metres (0 when not a survey)
 * @param warnings violations of warning severity; a plan with errors is never returned
 */
public record Plan(Pattern pattern, List<VehicleRoute> routes, PlanMetrics metrics, List<GeoPolygon> footprint,
    double sweepWidthM, List<Violation> warnings) {

  public Plan {
    routes = List.copyOf(routes);
    footprint = List.copyOf(footprint);
    warnings = List.copyOf(warnings);
  }
}
