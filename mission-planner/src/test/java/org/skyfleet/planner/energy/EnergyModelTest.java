package org.skyfleet.planner.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.skyfleet.planner.TestAreas;
import org.skyfleet.planner.VehicleKind;
import org.skyfleet.planner.VehicleProfile;

class EnergyModelTest {
  private final VehicleProfile drone =
      new VehicleProfile("d", VehicleKind.MULTICOPTER, TestAreas.at(0, 0), TestAreas.at(0, 0), 10, 2, 1800, 50);
  private final VehicleProfile robot =
      new VehicleProfile("r", VehicleKind.GROUND_ROBOT, TestAreas.at(0, 0), TestAreas.at(0, 0), 2, 0, 7200, 100);

  @Test
  void flightTimeAddsCruiseClimbTurnsAndHolds() {
    // 6000 m at 10 m/s = 600 s; climb and descent 2 * 60 m at 2 m/s = 60 s; 5 turns * 10/2.5 = 20 s; hold 30 s
    assertThat(EnergyModel.DEFAULT.flightTimeS(6000, 5, 60, 30, drone)).isCloseTo(710, offset(1e-9));
  }

  @Test
  void groundRobotsDoNotClimb() {
    assertThat(EnergyModel.DEFAULT.flightTimeS(1000, 0, 60, 0, robot)).isCloseTo(500, offset(1e-9));
  }

  @Test
  void reserveIsTheLargerOfTheShareAndTheMinimum() {
    assertThat(ReservePolicy.DEFAULT.reserveS(1800)).isEqualTo(360);
    assertThat(ReservePolicy.DEFAULT.reserveS(300)).isEqualTo(120);
    EnergyBudget b = EnergyBudget.of(500, drone, ReservePolicy.DEFAULT);
    assertThat(b.availableS()).isEqualTo(900);
    assertThat(b.requiredS()).isEqualTo(860);
    assertThat(b.fits()).isTrue();
  }
}
