package org.skyfleet.planner.airspace;

import java.util.List;

/**
 * Where a vehicle may fly.
 *
 * @param inclusions zones the whole flight must stay inside (none means no inclusion constraint)
 * @param exclusions no-fly zones no leg may cross within their altitude band
 * @param minAltRelM lowest altitude for en-route and survey waypoints, metres above home
 * @param maxAltRelM highest altitude for any waypoint, metres above home (e.g. 120 m in the open category)
 */
public record Airspace(List<AirspaceZone> inclusions, List<AirspaceZone> exclusions, double minAltRelM,
    double maxAltRelM) {

  public Airspace {
    inclusions = inclusions == null ? List.of() : List.copyOf(inclusions);
    exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
  }

  /** No zones, altitudes 0..120 m. */
  public static final Airspace OPEN = new Airspace(List.of(), List.of(), 0, 120);

  public Airspace withExclusions(List<AirspaceZone> more) {
    return new Airspace(inclusions, more, minAltRelM, maxAltRelM);
  }
}
