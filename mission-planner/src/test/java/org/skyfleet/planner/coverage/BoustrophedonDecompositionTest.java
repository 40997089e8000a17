package org.skyfleet.planner.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

class BoustrophedonDecompositionTest {
  private static List<Cell> cells(String wkt, double w) throws Exception {
    Polygon p = (Polygon) new WKTReader().read(wkt);
    return BoustrophedonDecomposition.decompose(SwathGenerator.generate(p, w, null));
  }

  @Test
  void aConvexAreaIsOneCell() throws Exception {
    assertThat(cells("POLYGON((0 0, 1000 0, 800 500, 100 600, 0 0))", 50)).hasSize(1);
  }

  @Test
  void aUShapeSplitsAtItsNotchIntoThreeCells() throws Exception {
    // the notch opens upward: below it one cell, above it two arms
    List<Cell> cells = cells("POLYGON((0 0, 900 0, 900 900, 600 900, 600 300, 300 300, 300 900, 0 900, 0 0))", 50);
    assertThat(cells).hasSize(3);
    assertThat(cells.stream().mapToInt(c -> c.swaths().size()).sum()).isEqualTo(18 + 12);
  }

  @Test
  void aHoleSplitsTheSweepsAroundIt() throws Exception {
    List<Cell> cells = cells(
        "POLYGON((0 0, 1000 0, 1000 1000, 0 1000, 0 0), (400 400, 600 400, 600 600, 400 600, 400 400))", 50);
    assertThat(cells).hasSize(4);
  }

  @Test
  void aHoleNarrowerThanTheOverflyGapIsFlownOverInOneCell() throws Exception {
    Polygon p = (Polygon) new WKTReader().read(
        "POLYGON((0 0, 1000 0, 1000 1000, 0 1000, 0 0), (450 400, 550 400, 550 600, 450 600, 450 400))");
    assertThat(BoustrophedonDecomposition.decompose(SwathGenerator.generate(p, 50, null, 100))).hasSize(1);
    assertThat(BoustrophedonDecomposition.decompose(SwathGenerator.generate(p, 50, null, 99))).hasSize(4);
  }

  @Test
  void cellOptionsAndTheirReversesFlyTheSamePathBackwards() throws Exception {
    Cell cell = cells("POLYGON((0 0, 1000 0, 1000 150, 0 150, 0 0))", 50).get(0);
    for (int o = 0; o < 4; o++) {
      int r = cell.reverse(o);
      assertThat(cell.entry(r)).isEqualTo(cell.exit(o));
      assertThat(cell.exit(r)).isEqualTo(cell.entry(o));
      assertThat(cell.lengthM(r)).isEqualTo(cell.lengthM(o));
    }
  }
}
