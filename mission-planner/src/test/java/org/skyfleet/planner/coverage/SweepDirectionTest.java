package org.skyfleet.planner.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class SweepDirectionTest {
  private static final CoverageCost COST = new CoverageCost(30);

  private static Polygon wkt(String s) throws ParseException {
    return (Polygon) new WKTReader().read(s);
  }

  @Test
  void sweepsRunAlongTheLongSideOfARotatedStrip() throws ParseException {
    Polygon strip = wkt("POLYGON((0 0, 2000 0, 2000 300, 0 300, 0 0))");
    Polygon rotated = (Polygon) AffineTransformation.rotationInstance(Math.toRadians(35)).transform(strip);
    double angle = SweepDirection.choose(rotated, 50, COST);
    assertThat(Math.toDegrees(angle)).isCloseTo(35, org.assertj.core.data.Offset.offset(0.5));
  }

  @Test
  void fewerTurnsCostLessThanTheSameLengthWithMoreTurns() throws ParseException {
    Polygon square = wkt("POLYGON((0 0, 1000 0, 1000 1000, 0 1000, 0 0))");
    double alongEdge = SweepDirection.estimate(square, 0, 50, COST);
    double diagonal = SweepDirection.estimate(square, Math.PI / 4, 50, COST);
    assertThat(alongEdge).isLessThan(diagonal);
  }

  @Test
  void candidatesIncludeHullEdgesAndAreDeduplicated() throws ParseException {
    Polygon square = wkt("POLYGON((0 0, 1000 0, 1000 1000, 0 1000, 0 0))");
    assertThat(SweepDirection.candidates(square)).hasSize(2);
  }
}
