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

class ExclusionZoneRuleTest {
  private static final GeoPolygon SQUARE = GeoPolygon.of(TestAreas.ring(0, 0, 100, 0, 100, 100, 0, 100));
  private final ExclusionZoneRule rule = new ExclusionZoneRule();

  private static Airspace with(AirspaceZone z) {
    return Airspace.OPEN.withExclusions(List.of(z));
  }

  @Test
  void aLegOneMetreOutsidePassesAndOneMetreInsideFails() {
    Airspace a = with(AirspaceZone.of("school", SQUARE));
    assertThat(rule.check(check(route(-50, -1, 50, 150, -1, 50), a))).isEmpty();
    List<Violation> v = rule.check(check(route(-50, 1, 50, 150, 1, 50), a));
    assertThat(v).singleElement().satisfies(x -> {
      assertThat(x.rule()).isEqualTo("exclusion");
      assertThat(x.itemIndex()).isEqualTo(1);
      assertThat(x.message()).contains("'school'");
    });
  }

  @Test
  void aLegAboveTheZoneCeilingPassesAndJustBelowFails() {
    Airspace a = with(new AirspaceZone("crane", SQUARE, 0, 60));
    assertThat(rule.check(check(route(-50, 50, 61, 150, 50, 61), a))).isEmpty();
    assertThat(rule.check(check(route(-50, 50, 59, 150, 50, 59), a))).hasSize(1);
  }
}
