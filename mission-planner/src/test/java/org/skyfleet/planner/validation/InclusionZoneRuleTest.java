package org.skyfleet.planner.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skyfleet.planner.validation.RuleFixtures.check;
import static org.skyfleet.planner.validation.RuleFixtures.route;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.planner.TestAreas;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.planner.airspace.AirspaceZone;
import org.skyfleet.planner.geo.GeoPolygon;

class InclusionZoneRuleTest {
  private final InclusionZoneRule rule = new InclusionZoneRule();
  private final Airspace ops = new Airspace(List.of(new AirspaceZone("ops",
      GeoPolygon.of(TestAreas.ring(0, 0, 1000, 0, 1000, 1000, 0, 1000)), 0, 100)), List.of(), 0, 120);

  @Test
  void aLegOneMetreInsidePassesAndOneMetreOutsideFails() {
    assertThat(rule.check(check(route(1, 500, 50, 999, 500, 50), ops))).isEmpty();
    assertThat(rule.check(check(route(500, 500, 50, 1001, 500, 50), ops)))
        .singleElement().satisfies(v -> assertThat(v.itemIndex()).isEqualTo(1));
  }

  @Test
  void aLegAboveTheZoneBandFails() {
    assertThat(rule.check(check(route(100, 500, 99, 900, 500, 99), ops))).isEmpty();
    assertThat(rule.check(check(route(100, 500, 101, 900, 500, 101), ops))).hasSize(1);
  }

  @Test
  void withoutInclusionZonesEverythingPasses() {
    assertThat(rule.check(check(route(0, 0, 50, 5000, 0, 50), Airspace.OPEN))).isEmpty();
  }
}
