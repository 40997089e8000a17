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
        assertThatThrownBy(() -> new VehicleCommand(CommandVerb.ARM, 1, Double.NaN, Double.NaN, Double.NaN, Double.NaN))
                .hasMessageContaining("latDeg is not a parameter");
    }

    @Test
    void orbitKeepsCentreAltitudeRadiusAndSignedSpeed() {
        VehicleCommand c = VehicleCommand.orbit(51.5, -0.12, 40, 30, -4);
        assertThat(c.verb()).isEqualTo(CommandVerb.ORBIT);
        assertThat(c).extracting(VehicleCommand::latDeg, VehicleCommand::lonDeg, VehicleCommand::altRelM,
                VehicleCommand::radiusM, VehicleCommand::speedMps).containsExactly(51.5, -0.12, 40.0, 30.0, -4.0);
        assertThat(c.clockwise()).isFalse();
        assertThat(VehicleCommand.orbit(51.5, -0.12, 40, 30, 0).clockwise()).isTrue();
        assertThat(VehicleCommand.goTo(51.5, -0.12, 40).radiusM()).isNaN();
    }

    @Test
    void orbitRadiusIsFiveToAThousandMetres() {
        assertThat(VehicleCommand.orbit(0, 0, 10, 5, 1).radiusM()).isEqualTo(5);
        assertThat(VehicleCommand.orbit(0, 0, 10, 1_000, 1).radiusM()).isEqualTo(1_000);
        assertThatThrownBy(() -> VehicleCommand.orbit(0, 0, 10, 4.99, 1))
                .hasMessage("radiusM must be 5.0..1000.0, got 4.99");
        assertThatThrownBy(() -> VehicleCommand.orbit(0, 0, 10, 1_000.01, 1)).hasMessageContaining("radiusM");
        assertThatThrownBy(() -> VehicleCommand.orbit(0, 0, 10, Double.NaN, 1)).hasMessageContaining("radiusM");
    }

    @Test
    void orbitSpeedIsAtMostTwentyMetresPerSecondEitherWay() {
        assertThat(VehicleCommand.orbit(0, 0, 10, 50, -20).speedMps()).isEqualTo(-20);
        assertThat(VehicleCommand.orbit(0, 0, 10, 50, 20).speedMps()).isEqualTo(20);
        assertThatThrownBy(() -> VehicleCommand.orbit(0, 0, 10, 50, 20.1))
                .hasMessage("speedMps must be -20.0..20.0, got 20.1");
        assertThatThrownBy(() -> VehicleCommand.orbit(0, 0, 10, 50, -20.1)).hasMessageContaining("speedMps");
    }

    @Test
    void orbitCentreAndAltitudeMustBeInRange() {
        assertThatThrownBy(() -> VehicleCommand.orbit(90.1, 0, 10, 50, 5)).hasMessageContaining("latDeg");
        assertThatThrownBy(() -> VehicleCommand.orbit(0, 180.1, 10, 50, 5)).hasMessageContaining("lonDeg");
        assertThat(VehicleCommand.orbit(0, 0, 0.1, 50, 5).altRelM()).isEqualTo(0.1);
        assertThatThrownBy(() -> VehicleCommand.orbit(0, 0, 0, 50, 5)).hasMessage("altRelM of an orbit must be above 0 and at most 10000.0, got 0.0");
        assertThatThrownBy(() -> VehicleCommand.orbit(0, 0, 10_000.1, 50, 5)).hasMessageContaining("altRelM of an orbit");
    }
}
