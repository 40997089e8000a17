package org.skyfleet.planner.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.skyfleet.planner.PlanningException;

class CameraModelTest {
  @Test
  void sweepWidthIsTheFootprintLessTheOverlap() {
    // 90 degrees at 50 m: footprint 100 m; 25 % overlap leaves 75 m between sweeps
    assertThat(new CameraModel(90, 50, 25).sweepWidthM()).isCloseTo(75.0, offset(1e-9));
  }

  @Test
  void zeroNegativeOrNonsenseParametersAreRejected() {
    assertThatThrownBy(() -> new CameraModel(0, 50, 20).sweepWidthM())
        .isInstanceOf(PlanningException.class).hasMessageContaining("field of view");
    assertThatThrownBy(() -> new CameraModel(70, -5, 20).sweepWidthM()).hasMessageContaining("altitude");
    assertThatThrownBy(() -> new CameraModel(70, Double.NaN, 20).sweepWidthM()).hasMessageContaining("altitude");
    assertThatThrownBy(() -> new CameraModel(70, 50, 100).sweepWidthM()).hasMessageContaining("overlap");
  }
}
