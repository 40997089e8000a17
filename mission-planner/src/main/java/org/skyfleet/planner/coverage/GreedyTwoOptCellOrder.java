package org.skyfleet.planner.coverage;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;

/**
 * Cell order by nearest entry, improved by 2-opt, with the entry corners re-chosen by dynamic
 * programming after each round.
 *
 * <p>Steps: (1) greedy: from the start, repeatedly fly to the unvisited cell whose nearest corner is
 * closest; (2) 2-opt: reverse a run of the tour (each cell in it flown backwards) when that shortens
 * the straight transits; (3) for the order found, choose every cell's option by dynamic programming
 * over its four corners; repeat (2)-(3) while the tour improves. Transit cost is straight-line distance;
 * the real legs are routed afterwards.
 */
public final class GreedyTwoOptCellOrder implements CellOrder {
  private static final int MAX_ROUNDS = 6;

  @Override
  public CellTour order(List<Cell> cells, Coordinate start, Coordinate end) {
    int n = cells.size();
    int[] order = new int[n];
    int[] opt = new int[n];
    boolean[] used = new boolean[n];
    Coordinate at = start;
    for (int pos = 0; pos < n; pos++) {
      int bestCell = -1, bestOpt = 0;
      double best = Double.POSITIVE_INFINITY;
      for (int c = 0; c < n; c++) {
        if (used[c]) {
          continue;
        }
        for (int o = 0; o < 4; o++) {
          double d = at.distance(cells.get(c).entry(o));
          if (d < best) {
            best = d;
            bestCell = c;
            bestOpt = o;
          }
        }
      }
      used[bestCell] = true;
      order[pos] = bestCell;
      opt[pos] = bestOpt;
      at = cells.get(bestCell).exit(bestOpt);
    }
    double cost = cost(cells, order, opt, start, end);
    for (int round = 0; round < MAX_ROUNDS && n > 1; round++) {
      twoOpt(cells, order, opt, start, end);
      chooseOptions(cells, order, opt, start, end);
      double c = cost(cells, order, opt, start, end);
      if (c > cost - 1e-6) {
        break;
      }
      cost = c;
    }
    return new CellTour(order, opt);
  }

  private static void twoOpt(List<Cell> cells, int[] order, int[] opt, Coordinate start, Coordinate end) {
    int n = order.length;
    boolean improved = true;
    int passes = 0;
    while (improved && passes++ < 50) {
      improved = false;
      for (int i = 0; i < n - 1; i++) {
        Coordinate before = i == 0 ? start : cells.get(order[i - 1]).exit(opt[i - 1]);
        for (int j = i + 1; j < n; j++) {
          Coordinate after = j == n - 1 ? end : cells.get(order[j + 1]).entry(opt[j + 1]);
          Coordinate entryI = cells.get(order[i]).entry(opt[i]);
          Coordinate exitJ = cells.get(order[j]).exit(opt[j]);
          double delta = before.distance(exitJ) + entryI.distance(after)
              - before.distance(entryI) - exitJ.distance(after);
          if (delta < -1e-6) {
            reverse(cells, order, opt, i, j);
            improved = true;
          }
        }
      }
    }
  }

  private static void reverse(List<Cell> cells, int[] order, int[] opt, int i, int j) {
    for (int a = i, b = j; a < b; a++, b--) {
      int t = order[a];
      order[a] = order[b];
      order[b] = t;
      t = opt[a];
      opt[a] = opt[b];
      opt[b] = t;
    }
    for (int k = i; k <= j; k++) {
      opt[k] = cells.get(order[k]).reverse(opt[k]);
    }
  }

  /** Best option per cell for a fixed order: shortest path through a 4-state trellis. */
  static void chooseOptions(List<Cell> cells, int[] order, int[] opt, Coordinate start, Coordinate end) {
    int n = order.length;
    double[][] cost = new double[n][4];
    int[][] from = new int[n][4];
    for (int pos = 0; pos < n; pos++) {
      Cell cell = cells.get(order[pos]);
      for (int o = 0; o < 4; o++) {
        double inner = cell.lengthM(o);
        if (pos == 0) {
          cost[pos][o] = start.distance(cell.entry(o)) + inner;
          continue;
        }
        Cell prev = cells.get(order[pos - 1]);
        cost[pos][o] = Double.POSITIVE_INFINITY;
        for (int p = 0; p < 4; p++) {
          double c = cost[pos - 1][p] + prev.exit(p).distance(cell.entry(o)) + inner;
          if (c < cost[pos][o]) {
            cost[pos][o] = c;
            from[pos][o] = p;
          }
        }
      }
    }
    int bestO = 0;
    double best = Double.POSITIVE_INFINITY;
    Cell last = cells.get(order[n - 1]);
    for (int o = 0; o < 4; o++) {
      double c = cost[n - 1][o] + last.exit(o).distance(end);
      if (c < best) {
        best = c;
        bestO = o;
      }
    }
    for (int pos = n - 1; pos >= 0; pos--) {
      opt[pos] = bestO;
      bestO = from[pos][bestO];
    }
  }

  static double cost(List<Cell> cells, int[] order, int[] opt, Coordinate start, Coordinate end) {
    double c = 0;
    Coordinate at = start;
    for (int k = 0; k < order.length; k++) {
      Cell cell = cells.get(order[k]);
      c += at.distance(cell.entry(opt[k])) + cell.lengthM(opt[k]);
      at = cell.exit(opt[k]);
    }
    return c + at.distance(end);
  }
}
