package org.skyfleet.planner.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class CapacitySharesTest {
  @Test
  void sharesFollowSpeedSoAllFinishTogether() {
    double[] s = CapacityShares.of(new double[] {10, 20, 10}, new double[] {9, 9, 9});
    assertThat(s).containsExactly(new double[] {0.25, 0.5, 0.25}, offset(1e-12));
  }

  @Test
  void aCappedVehicleGivesItsExcessToTheOthers() {
    double[] s = CapacityShares.of(new double[] {10, 10}, new double[] {0.2, 5});
    assertThat(s).containsExactly(new double[] {0.2, 0.8}, offset(1e-12));
  }

  @Test
  void whenCapsFallShortSharesFollowTheCaps() {
    double[] s = CapacityShares.of(new double[] {10, 10}, new double[] {0.2, 0.6});
    assertThat(s).containsExactly(new double[] {0.25, 0.75}, offset(1e-12));
  }
}
