package org.skyfleet.planner.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skyfleet.planner.validation.RuleFixtures.check;

import org.junit.jupiter.api.Test;
import org.skyfleet.planner.TestAreas;
import org.skyfleet.planner.VehicleKind;
import org.skyfleet.planner.VehicleProfile;
import org.skyfleet.planner.energy.EnergyBudget;
import org.skyfleet.planner.energy.ReservePolicy;

class EnergyRuleTest {
  private final EnergyRule rule = new EnergyRule();
  // 1500 s endurance at 80 %: 1200 s available; reserve 20 % of 1500 = 300 s
  private final VehicleProfile v =
      new VehicleProfile("d1", VehicleKind.MULTICOPTER, TestAreas.at(0, 0), TestAreas.at(0, 0), 10, 3, 1500, 80);

  @Test
  void flightTimePlusReserveJustInsideAndJustOutside() {
    assertThat(rule.check(check(v, EnergyBudget.of(899, v, ReservePolicy.DEFAULT)))).isEmpty();
    assertThat(rule.check(check(v, EnergyBudget.of(901, v, ReservePolicy.DEFAULT))))
        .singleElement().satisfies(x -> {
          assertThat(x.rule()).isEqualTo("energy");
          assertThat(x.message()).contains("needs 1201 s (901 s flight + 300 s reserve), 1200 s available");
        });
  }
}
