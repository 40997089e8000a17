package org.skyfleet.planner.coverage;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Boustrophedon cell decomposition on swaths (the discrete form of Choset's decomposition).
 *
 * <p>Swaths on neighbouring bands are adjacent when their x ranges overlap. A critical point of the
 * area (where a hole or a concave notch splits or joins the free space) shows up as a swath with two
 * or more neighbours on the next band. Cells are the maximal chains in which every link is one-to-one,
 * so each cell is flown with one back-and-forth sweep that never has to leave the area to reach its
 * next swath. Degenerate case: an area that is one swath wide yields a single one-swath cell.
 */
public final class BoustrophedonDecomposition {
  private BoustrophedonDecomposition() {}

  public static List<Cell> decompose(List<List<Swath>> bands) {
    Map<Swath, Swath> next = new IdentityHashMap<>();
    Map<Swath, Boolean> hasUniquePredecessor = new IdentityHashMap<>();
    for (int b = 0; b + 1 < bands.size(); b++) {
      for (Swath lower : bands.get(b)) {
        List<Swath> ups = new ArrayList<>();
        for (Swath upper : bands.get(b + 1)) {
          if (lower.overlapsInX(upper)) {
            ups.add(upper);
          }
        }
        if (ups.size() == 1 && downCount(ups.get(0), bands.get(b)) == 1) {
          next.put(lower, ups.get(0));
          hasUniquePredecessor.put(ups.get(0), Boolean.TRUE);
        }
      }
    }
    List<Cell> cells = new ArrayList<>();
    for (List<Swath> band : bands) {
      for (Swath s : band) {
        if (hasUniquePredecessor.containsKey(s)) {
          continue;
        }
        List<Swath> chain = new ArrayList<>();
        for (Swath c = s; c != null; c = next.get(c)) {
          chain.add(c);
        }
        cells.add(new Cell(chain));
      }
    }
    return cells;
  }

  private static int downCount(Swath upper, List<Swath> lowerBand) {
    int n = 0;
    for (Swath l : lowerBand) {
      if (l.overlapsInX(upper)) {
        n++;
      }
    }
    return n;
  }
}
