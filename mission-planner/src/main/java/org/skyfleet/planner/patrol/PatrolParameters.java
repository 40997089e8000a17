package org.skyfleet.planner.patrol;

import java.util.List;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * A patrol request.
 *
 * @param checkpoints points visited in order each lap, the lap closing back at the first
 * @param corridors the network ground robots must keep to, or null for drones
 * @param laps number of laps, at least 1
 * @param periodS time from one lap's start to the next, seconds; 0 to fly laps back to back
 * @param altRelM flight altitude above home, metres (ignored for ground robots)
 * @param snapToleranceM how far a checkpoint may be from its nearest corridor node, metres
 */
public record PatrolParameters(List<GeoPoint> checkpoints, CorridorNetwork corridors, int laps, double periodS,
    double altRelM, double snapToleranceM) {

  public PatrolParameters {
    checkpoints = checkpoints == null ? List.of() : List.copyOf(checkpoints);
  }
}
