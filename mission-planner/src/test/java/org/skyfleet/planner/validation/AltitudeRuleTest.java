package org.skyfleet.planner.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skyfleet.planner.validation.RuleFixtures.check;
import static org.skyfleet.planner.validation.RuleFixtures.route;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.planner.airspace.Airspace;

class AltitudeRuleTest {
  private final AltitudeRule rule = new AltitudeRule();
  private final Airspace limits = new Airspace(List.of(), List.of(), 10, 120);

  @Test
  void ceilingJustInsideAndJustOutside() {
    assertThat(rule.check(check(route(0, 0, 119, 100, 0, 120), limits))).isEmpty();
    assertThat(rule.check(check(route(0, 0, 119, 100, 0, 121), limits)))
        .singleElement().satisfies(v -> {
          assertThat(v.itemIndex()).isEqualTo(1);
          assertThat(v.message()).contains("121.0 m is above the 120.0 m ceiling");
        });
  }

  @Test
  void floorJustInsideAndJustOutside() {
    assertThat(rule.check(check(route(0, 0, 10, 100, 0, 11), limits))).isEmpty();
    assertThat(rule.check(check(route(0, 0, 9, 100, 0, 11), limits)))
        .singleElement().satisfies(v -> assertThat(v.itemIndex()).isZero());
  }
}
