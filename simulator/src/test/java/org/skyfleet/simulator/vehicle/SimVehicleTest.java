package org.skyfleet.simulator.vehicle;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.skyfleet.simulator.gcs.TestScenarios;

/** The bodies' limits: speed, climb, acceleration, turn rate, wind, and the battery's drain. */
class SimVehicleTest {
    private static final double DT = 0.01;

    private static SimVehicle copter() {
        return new SimVehicle("drone-1", 1, VehicleSpec.px4Quadrotor(), TestScenarios.FRAME, 0, 0, 30, 100, 1);
    }

    @Test
    void copterClimbsAndFliesWithinItsLimitsAndStopsOnTheSpot() {
        SimVehicle v = copter();
        Setpoint up = Setpoint.goTo(0, 0, 40, 8);
        double maxClimb = 0;
        for (int i = 0; i < 3000; i++) {
            double before = v.altitudeRelM();
            v.advance(up, true, 0, 0, DT);
            maxClimb = Math.max(maxClimb, (v.altitudeRelM() - before) / DT);
        }
        assertThat(maxClimb).isCloseTo(3.0, Offset.offset(0.01));
        assertThat(v.altitudeRelM()).isCloseTo(40, Offset.offset(0.1));
        Setpoint far = Setpoint.goTo(500, 0, 40, 20);
        double maxSpeed = 0;
        double maxAccel = 0;
        double lastSpeed = 0;
        for (int i = 0; i < 10_000; i++) {
            v.advance(far, true, 0, 0, DT);
            maxSpeed = Math.max(maxSpeed, v.groundSpeedMps());
            maxAccel = Math.max(maxAccel, Math.abs(v.groundSpeedMps() - lastSpeed) / DT);
            lastSpeed = v.groundSpeedMps();
        }
        assertThat(maxSpeed).as("a 20 m/s request is held to the 12 m/s limit").isCloseTo(12, Offset.offset(0.01));
        assertThat(maxAccel).isLessThanOrEqualTo(3.0 + 1e-6);
        assertThat(v.eastM()).as("stopped at the point without overshoot").isCloseTo(500, Offset.offset(0.3));
    }

    @Test
    void steadyWindIsLeanedIntoButAGustPushesTheCopterOff() {
        SimVehicle v = copter();
        v.placeAt(0, 0, 30);
        Setpoint hold = Setpoint.goTo(0, 0, 30, 8);
        for (int i = 0; i < 3000; i++) {
            v.advance(hold, true, 6, 0, DT);
        }
        assertThat(Math.hypot(v.eastM(), v.northM())).as("holding in steady wind, m off").isLessThan(0.5);
        assertThat(v.airspeedMps()).as("flying into the wind").isCloseTo(6, Offset.offset(0.3));
        double maxOff = 0;
        for (int i = 0; i < 300; i++) {
            v.advance(hold, true, 12, 0, DT);
            maxOff = Math.max(maxOff, v.eastM());
        }
        assertThat(maxOff).as("a sudden 12 m/s gust pushes it downwind").isGreaterThan(2);
    }

    @Test
    void roverTurnsNoFasterThanItsLimitAndNeverLeavesTheGround() {
        SimVehicle v = new SimVehicle("robot-1", 2, VehicleSpec.patrolRover(AutopilotFlavour.PX4), TestScenarios.FRAME,
                0, 0, 30, 100, 1);
        Setpoint behind = Setpoint.goTo(0, -50, 30, 3);
        double lastHeading = v.headingDeg();
        double maxTurn = 0;
        for (int i = 0; i < 6000; i++) {
            v.advance(behind, true, 10, 10, DT);
            double turn = Math.abs(((v.headingDeg() - lastHeading + 540) % 360) - 180);
            maxTurn = Math.max(maxTurn, turn / DT);
            lastHeading = v.headingDeg();
            assertThat(v.altitudeRelM()).isZero();
        }
        assertThat(maxTurn).isLessThanOrEqualTo(60 + 1e-6);
        assertThat(Math.hypot(v.eastM(), v.northM() + 50)).isLessThan(0.5);
    }

    @Test
    void batteryDrainsFasterWithSpeedAndNotAtAllDisarmed() {
        Battery hover = new Battery(1500, 100);
        Battery fast = new Battery(1500, 100);
        Battery idle = new Battery(1500, 100);
        for (int i = 0; i < 6000; i++) {
            hover.drain(SimVehicleKind.MULTICOPTER, true, true, 0, 0, 8, DT);
            fast.drain(SimVehicleKind.MULTICOPTER, true, true, 12, 0, 8, DT);
            idle.drain(SimVehicleKind.MULTICOPTER, false, false, 0, 0, 8, DT);
        }
        assertThat(100 - hover.percent()).as("one minute of hover is 1/25 of a 25-minute pack").isCloseTo(4, Offset.offset(0.01));
        assertThat(100 - fast.percent()).isCloseTo(4 * (1 + 0.0025 * 144), Offset.offset(0.01));
        assertThat(idle.percent()).isEqualTo(100);
    }
}
