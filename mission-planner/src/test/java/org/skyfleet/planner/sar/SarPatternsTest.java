package org.skyfleet.planner.sar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

class SarPatternsTest {
  private static final Coordinate DATUM = new Coordinate(0, 0);

  @Test
  void expandingSquareLegsGrowBySpacingEveryTwoLegsWithRightTurns() {
    List<Coordinate> p = ExpandingSquare.points(DATUM, 100, 250, 0);
    double[] expected = {100, 100, 200, 200, 300, 300, 400, 400, 500, 500, 500};
    assertThat(p).hasSize(expected.length + 1);
    for (int i = 0; i < expected.length; i++) {
      assertThat(p.get(i).distance(p.get(i + 1))).isCloseTo(expected[i], offset(1e-9));
    }
    // first leg due north, then east (right turn)
    assertThat(p.get(1).y).isCloseTo(100, offset(1e-9));
    assertThat(p.get(2).x).isCloseTo(100, offset(1e-9));
  }

  @Test
  void sectorSearchHasNineLegsOfTheRadiusThroughTheDatum() {
    List<Coordinate> p = SectorSearch.points(DATUM, 400, 30, false);
    assertThat(p).hasSize(10);
    for (int i = 0; i + 1 < p.size(); i++) {
      assertThat(p.get(i).distance(p.get(i + 1))).isCloseTo(400, offset(1e-6));
    }
    assertThat(p.get(3).distance(DATUM)).isLessThan(1e-9);
    assertThat(p.get(9).distance(DATUM)).isLessThan(1e-9);
    assertThat(SectorSearch.points(DATUM, 400, 30, true)).hasSize(19);
  }

  @Test
  void parallelTrackRunsAlongTheLongSideAndCreepingLineAcross() throws Exception {
    Polygon rect = (Polygon) new WKTReader().read("POLYGON((0 0, 2000 0, 2000 500, 0 500, 0 0))");
    List<Coordinate> ps = RectangleSweep.points(rect, 100, true, new Coordinate(-10, -10));
    assertThat(ps).hasSize(10);
    assertThat(ps.get(0).distance(ps.get(1))).isCloseTo(2000, offset(1e-6));
    assertThat(ps.get(0).distance(new Coordinate(0, 50))).isLessThan(1e-6);
    List<Coordinate> cs = RectangleSweep.points(rect, 100, false, new Coordinate(-10, -10));
    assertThat(cs).hasSize(40);
    assertThat(cs.get(0).distance(cs.get(1))).isCloseTo(500, offset(1e-6));
  }
}
