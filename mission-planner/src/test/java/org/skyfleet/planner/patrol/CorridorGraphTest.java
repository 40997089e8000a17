package org.skyfleet.planner.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.planner.PlanningException;
import org.skyfleet.planner.TestAreas;

class CorridorGraphTest {
  // a square of corridors 0-1-2-3 with a diagonal shortcut 0-2, and node 4 on its own
  private final CorridorNetwork net = new CorridorNetwork(
      List.of(TestAreas.at(0, 0), TestAreas.at(100, 0), TestAreas.at(100, 100), TestAreas.at(0, 100),
          TestAreas.at(500, 500)),
      List.of(new Corridor(0, 1), new Corridor(1, 2), new Corridor(2, 3), new Corridor(3, 0), new Corridor(0, 2)));
  private final CorridorGraph graph = new CorridorGraph(net, TestAreas.FRAME);

  @Test
  void shortestPathTakesTheDiagonalShortcut() {
    assertThat(graph.shortestPath(0, 2)).containsExactly(0, 2);
    assertThat(graph.shortestPath(1, 3)).hasSize(3);
  }

  @Test
  void unreachableNodeFailsNamingBothEnds() {
    assertThatThrownBy(() -> graph.shortestPath(0, 4))
        .isInstanceOfSatisfying(PlanningException.class,
            e -> assertThat(e.kind()).isEqualTo(PlanningException.Kind.FAILED_PRECONDITION))
        .hasMessageContaining("node 4").hasMessageContaining("node 0");
  }

  @Test
  void snappingJustInsideAndJustOutsideTheTolerance() {
    assertThat(graph.snap(new org.locationtech.jts.geom.Coordinate(109, 0), 10, "checkpoint 0")).isEqualTo(1);
    assertThatThrownBy(() -> graph.snap(new org.locationtech.jts.geom.Coordinate(111, 0), 10, "checkpoint 0"))
        .hasMessageContaining("11.0 m from the nearest corridor node");
  }

  @Test
  void aCorridorToAMissingNodeIsInvalid() {
    CorridorNetwork bad = new CorridorNetwork(List.of(TestAreas.at(0, 0)), List.of(new Corridor(0, 3)));
    assertThatThrownBy(() -> new CorridorGraph(bad, TestAreas.FRAME)).hasMessageContaining("corridor 0");
  }
}
