package org.skyfleet.planner.patrol;

import java.util.List;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * Where a ground robot may drive: nodes (junctions, ends, bends) joined by straight corridors.
 *
 * @param nodes node positions
 * @param corridors straight drivable segments between nodes
 */
public record CorridorNetwork(List<GeoPoint> nodes, List<Corridor> corridors) {

  public CorridorNetwork {
    nodes = List.copyOf(nodes);
    corridors = List.copyOf(corridors);
  }
}
