package org.skyfleet.planner.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;
import org.skyfleet.planner.RandomAreas;

class AreaSplitterTest {
  @Property(tries = 150)
  void partsCoverTheAreaWithoutOverlap(@ForAll @LongRange(max = 1_000_000) long seed,
      @ForAll @IntRange(min = 2, max = 5) int k) {
    Polygon area = RandomAreas.local(RandomAreas.rings(seed, 0, 0, 3));
    Random rnd = new Random(seed);
    double[] shares = new double[k];
    double sum = 0;
    for (int i = 0; i < k; i++) {
      shares[i] = 0.2 + rnd.nextDouble();
      sum += shares[i];
    }
    for (int i = 0; i < k; i++) {
      shares[i] /= sum;
    }
    List<Geometry> parts = AreaSplitter.split(area, rnd.nextDouble() * Math.PI, shares, 0, 0);

    double total = area.getArea();
    assertThat(parts.stream().mapToDouble(Geometry::getArea).sum()).isCloseTo(total, offset(total * 1e-9 + 1e-6));
    for (int i = 0; i < k; i++) {
      assertThat(parts.get(i).getArea() / total).isCloseTo(shares[i], offset(1e-4));
      for (int j = i + 1; j < k; j++) {
        assertThat(parts.get(i).intersection(parts.get(j)).getArea()).isLessThan(1e-6 * total);
      }
    }
  }

  @Test
  void cutsSnapToTheSweepGridWhenThatBarelyChangesTheShares() throws Exception {
    Polygon square = (Polygon) new WKTReader().read("POLYGON((0 0, 1000 0, 1000 1000, 0 1000, 0 0))");
    List<Geometry> parts = AreaSplitter.split(square, 0, new double[] {0.51, 0.49}, 100, 0.02);
    assertThat(parts.get(0).getEnvelopeInternal().getMaxY()).isCloseTo(500, offset(1e-6));
  }
}
