package org.skyfleet.telemetry.mavlink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.vehicle.AutopilotKind;
import org.skyfleet.fleet.vehicle.VehicleKind;

class FlightModeNamesTest {

    private static String px4(int main, int sub) {
        return FlightModeNames.name(AutopilotKind.PX4, VehicleKind.MULTICOPTER, 1, ((long) main << 16) | ((long) sub << 24));
    }

    @Test
    void px4PositionModeWithSubModeOneIsOrbit() {
        assertThat(px4(3, 1)).isEqualTo("ORBIT");
        assertThat(px4(3, 0)).isEqualTo("POSCTL");
        assertThat(px4(4, 3)).isEqualTo("HOLD");
    }
}
