package org.skyfleet.planner.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

class GreedyTwoOptCellOrderTest {
  @Test
  void visitsEveryCellOnceAndBeatsTheGivenOrder() {
    Random rnd = new Random(42);
    List<Cell> cells = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      double x = rnd.nextDouble() * 5000, y = rnd.nextDouble() * 5000;
      cells.add(new Cell(List.of(new Swath(0, y, x, x + 100), new Swath(1, y + 50, x, x + 100))));
    }
    Coordinate start = new Coordinate(0, 0);
    CellTour tour = new GreedyTwoOptCellOrder().order(cells, start, start);

    assertThat(tour.order()).containsExactlyInAnyOrder(java.util.stream.IntStream.range(0, 30).toArray());
    int[] identity = java.util.stream.IntStream.range(0, 30).toArray();
    int[] opts = new int[30];
    GreedyTwoOptCellOrder.chooseOptions(cells, identity, opts, start, start);
    assertThat(GreedyTwoOptCellOrder.cost(cells, tour.order(), tour.options(), start, start))
        .isLessThan(0.5 * GreedyTwoOptCellOrder.cost(cells, identity, opts, start, start));
  }
}
