package org.skyfleet.planner.coverage;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;

/** Stage: the order and entry corners of the cells, from a start point to an end point. */
public interface CellOrder {
  CellTour order(List<Cell> cells, Coordinate start, Coordinate end);
}
