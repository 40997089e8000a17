package org.skyfleet.planner.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.planner.PlannerLimits;
import org.skyfleet.planner.PlanningException.Kind;
import org.skyfleet.planner.PlanningException;
import org.skyfleet.planner.TestAreas;

class AreaGeometryTest {
  private static final PlannerLimits LIMITS = PlannerLimits.DEFAULTS;

  private static PlanningException reject(GeoPolygon area) {
    try {
      AreaGeometry.project(area, TestAreas.FRAME, LIMITS, "area");
    } catch (PlanningException e) {
      return e;
    }
    throw new AssertionError("expected a rejection");
  }

  @Test
  void aValidAreaWithAHoleProjectsToItsAreaInSquareMetres() {
    GeoPolygon area = new GeoPolygon(TestAreas.ring(0, 0, 1000, 0, 1000, 1000, 0, 1000),
        List.of(TestAreas.ring(400, 400, 600, 400, 600, 600, 400, 600)));
    assertThat(AreaGeometry.project(area, TestAreas.FRAME, LIMITS, "area").getArea())
        .isCloseTo(960_000, org.assertj.core.data.Offset.offset(1.0));
  }

  @Test
  void selfIntersectingOutlineSaysWhereItCrosses() {
    PlanningException e = reject(GeoPolygon.of(TestAreas.ring(0, 0, 1000, 1000, 1000, 0, 0, 1000)));
    assertThat(e.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
    assertThat(e).hasMessageContaining("crosses itself near (47.38");
  }

  @Test
  void holeOutsideTheShellIsNamed() {
    PlanningException e = reject(new GeoPolygon(TestAreas.ring(0, 0, 100, 0, 100, 100, 0, 100),
        List.of(TestAreas.ring(10, 10, 20, 10, 20, 20), TestAreas.ring(500, 500, 600, 500, 600, 600))));
    assertThat(e.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
    assertThat(e).hasMessageContaining("hole 1 lies outside the outer ring");
  }

  @Test
  void degenerateOutlinesAreRejected() {
    assertThat(reject(GeoPolygon.of(TestAreas.ring(0, 0, 100, 0, 200, 0)))).hasMessageContaining("no area");
    assertThat(reject(GeoPolygon.of(TestAreas.ring(0, 0, 100, 0, 100, 0, 0, 0))))
        .hasMessageContaining("2 distinct points");
    assertThat(reject(GeoPolygon.of(List.of()))).hasMessageContaining("empty");
  }

  @Test
  void badCoordinatesNameTheVertex() {
    List<GeoPoint> ring = new ArrayList<>(TestAreas.ring(0, 0, 100, 0, 100, 100));
    ring.set(2, new GeoPoint(Double.NaN, 8.5));
    assertThat(reject(GeoPolygon.of(ring))).hasMessageContaining("outer ring point 2");
    ring.set(2, new GeoPoint(47, 190));
    assertThat(reject(GeoPolygon.of(ring))).hasMessageContaining("longitude 190.0 is outside -180..180");
  }

  @Test
  void anAreaOfTwoThousandSquareKilometresIsTooLarge() {
    double side = Math.sqrt(2_000e6);
    PlanningException e = reject(TestAreas.rectangle(side, side));
    assertThat(e.kind()).isEqualTo(Kind.RESOURCE_EXHAUSTED);
    assertThat(e).hasMessageContaining("2000.0 km²").hasMessageContaining("limit is 1000.0 km²");
  }

  @Test
  void areaLimitJustInsideAndJustOutside() {
    PlannerLimits small = new PlannerLimits(100, 1_000_000, 10_000, 1000, 5, 30);
    AreaGeometry.project(TestAreas.rectangle(999, 1000), TestAreas.FRAME, small, "area");
    assertThatThrownBy(() -> AreaGeometry.project(TestAreas.rectangle(1001, 1000), TestAreas.FRAME, small, "area"))
        .isInstanceOfSatisfying(PlanningException.class, ex -> assertThat(ex.kind()).isEqualTo(Kind.RESOURCE_EXHAUSTED));
  }

  @Test
  void aMillionVerticesAreRefusedBeforeAnyGeometryIsBuilt() {
    // all vertices equal: building geometry would fail differently, so the vertex check must come first
    List<GeoPoint> ring = Collections.nCopies(1_000_000, new GeoPoint(47, 8));
    PlanningException e = reject(GeoPolygon.of(ring));
    assertThat(e.kind()).isEqualTo(Kind.RESOURCE_EXHAUSTED);
    assertThat(e).hasMessageContaining("1,000,000 vertices").hasMessageContaining("limit is 20,000");
  }

  @Test
  void vertexLimitJustInsideAndJustOutside() {
    PlannerLimits four = new PlannerLimits(4, 1e9, 100_000, 1000, 5, 30);
    AreaGeometry.project(TestAreas.rectangle(100, 100), TestAreas.FRAME, four, "area");
    GeoPolygon five = GeoPolygon.of(TestAreas.ring(0, 0, 50, -10, 100, 0, 100, 100, 0, 100));
    assertThatThrownBy(() -> AreaGeometry.project(five, TestAreas.FRAME, four, "area"))
        .hasMessageContaining("5 vertices; the limit is 4");
  }
}
