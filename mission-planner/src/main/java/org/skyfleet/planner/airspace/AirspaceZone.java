package org.skyfleet.planner.airspace;

import org.skyfleet.planner.geo.GeoPolygon;

/**
 * A geofence polygon with the altitude band it applies to.
 *
 * @param name shown in messages ("no-fly: stadium")
 * @param polygon the zone's outline (holes allowed)
 * @param floorAltRelM lowest altitude of the band, metres above the home/take-off point
 * @param ceilingAltRelM highest altitude of the band, metres above the home/take-off point
 */
public record AirspaceZone(String name, GeoPolygon polygon, double floorAltRelM, double ceilingAltRelM) {

  /** A zone from the ground up to any altitude. */
  public static AirspaceZone of(String name, GeoPolygon polygon) {
    return new AirspaceZone(name, polygon, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  /** True when the band [lowM, highM] overlaps this zone's band. */
  public boolean overlapsBand(double lowM, double highM) {
    return lowM <= ceilingAltRelM && highM >= floorAltRelM;
  }

  /** True when the band [lowM, highM] lies within this zone's band. */
  public boolean containsBand(double lowM, double highM) {
    return lowM >= floorAltRelM && highM <= ceilingAltRelM;
  }
}
