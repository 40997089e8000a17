package org.skyfleet.fleet.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VehicleCommandTest {

    @Test
    void goToKeepsItsParametersAndLeavesTheOthersUnset() {
        VehicleCommand c = VehicleCommand.goTo(51.5, -0.12, 40);
        assertThat(c.verb()).isEqualTo(CommandVerb.GOTO);
        assertThat(c.latDeg()).isEqualTo(51.5);
        assertThat(c.altRelM()).isEqualTo(40);
        assertThat(c.speedMps()).isNaN();
    }

    @Test
    void latitudeLimitsAreInclusive() {
        assertThat(VehicleCommand.goTo(90, 180, 0).latDeg()).isEqualTo(90);
        assertThatThrownBy(() -> VehicleCommand.goTo(90.0001, 0, 0)).hasMessageContaining("latDeg");
        assertThatThrownBy(() -> VehicleCommand.goTo(0, -180.0001, 0)).hasMessageContaining("lonDeg");
    }

    @Test
    void takeoffAltitudeMustBeANumberInRange() {
        assertThat(VehicleCommand.takeoff(10_000).altRelM()).isEqualTo(10_000);
        assertThatThrownBy(() -> VehicleCommand.takeoff(10_000.1)).hasMessageContaining("altRelM");
        assertThatThrownBy(() -> VehicleCommand.takeoff(Double.NaN)).hasMessageContaining("altRelM");
    }

    @Test
    void speedMustBePositive() {
        assertThat(VehicleCommand.setSpeed(0.1).speedMps()).isEqualTo(0.1);
        assertThatThrownBy(() -> VehicleCommand.setSpeed(0)).hasMessageContaining("speedMps");
        assertThatThrownBy(() -> VehicleCommand.setSpeed(100.5)).hasMessageContaining("speedMps");
    }

    @Test
    void aVerbRefusesParametersItDoesNotTake() {
        assertThatThrownBy(() -> new VehicleCommand(CommandVerb.ARM, 1, Double.NaN, Double.NaN, Double.NaN))
                .hasMessageContaining("latDeg is not a parameter");
    }
}
