package org.skyfleet.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.common.CommandInt;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MavFrame;
import io.dronefleet.mavlink.common.MavResult;
import io.dronefleet.mavlink.common.Statustext;
import io.dronefleet.mavlink.minimal.Heartbeat;
import java.time.Duration;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyfleet.simulator.autopilot.FlightMode;
import org.skyfleet.simulator.gcs.Items;
import org.skyfleet.simulator.gcs.MemoryGroundStation;
import org.skyfleet.simulator.gcs.TestScenarios;
import org.skyfleet.simulator.link.MemoryLink;
import org.skyfleet.simulator.scenario.FailsafeSpec;
import org.skyfleet.simulator.scenario.Scenario;
import org.skyfleet.simulator.vehicle.SimVehicle;

/** MAV_CMD_DO_ORBIT on the simulated PX4 multicopter, step-driven over an in-memory link. */
class OrbitTest {
    private static final float HOME_AMSL_M = 30;
    private Simulation sim;
    private MemoryGroundStation gcs;
    private SimVehicle v;

    @AfterEach
    void close() {
        if (sim != null) {
            sim.close();
        }
    }

    private void start(Scenario s, String name) {
        MemoryLink link = new MemoryLink();
        sim = Simulation.manual(s, n -> link.vehicleEnd(), r -> { });
        gcs = new MemoryGroundStation(link, sim);
        v = sim.vehicle(name).vehicle();
    }

    private void flyingDrone() {
        start(TestScenarios.of(1, List.of(TestScenarios.drone("drone-1"))), "drone-1");
        armAndTakeOff();
    }

    private void armAndTakeOff() {
        assertThat(gcs.command(1, MavCmd.MAV_CMD_COMPONENT_ARM_DISARM, 1)).isEqualTo(MavResult.MAV_RESULT_ACCEPTED);
        assertThat(gcs.command(1, MavCmd.MAV_CMD_NAV_TAKEOFF, 0, 0, 0, Float.NaN, Float.NaN, Float.NaN, HOME_AMSL_M + 20))
                .isEqualTo(MavResult.MAV_RESULT_ACCEPTED);
        sim.advance(Duration.ofSeconds(15));
    }

    /** DO_ORBIT as SkyFleet sends it: COMMAND_INT, relative altitude, radius signed by direction. */
    private MavResult orbit(double centreEastM, double centreNorthM, float altRelM, float signedRadiusM, float speedMps) {
        CommandInt c = CommandInt.builder().targetSystem(1).targetComponent(1)
                .frame(MavFrame.MAV_FRAME_GLOBAL_RELATIVE_ALT_INT).command(MavCmd.MAV_CMD_DO_ORBIT)
                .param1(signedRadiusM).param2(speedMps).param3(0).param4(0)
                .x(Items.degE7(TestScenarios.FRAME.latDeg(centreNorthM))).y(Items.degE7(TestScenarios.FRAME.lonDeg(centreEastM)))
                .z(altRelM).build();
        return gcs.commandPayload(c, MavCmd.MAV_CMD_DO_ORBIT);
    }

    private FlightMode mode() {
        return sim.vehicle("drone-1").autopilot().mode();
    }

    /** Compass bearing of the vehicle from a point, radians clockwise from north. */
    private double bearingFrom(double eastM, double northM) {
        return Math.atan2(v.eastM() - eastM, v.northM() - northM);
    }

    /**
     * Samples the vehicle every half second for {@code seconds}: asserts each sample within 10 % of the radius from the
     * centre and the compass bearing advancing every sample in the direction flown. Returns the bearing swept, radians
     * (positive clockwise).
     */
    private double sweep(double centreE, double centreN, double radiusM, boolean clockwise, int seconds) {
        double swept = 0;
        double last = bearingFrom(centreE, centreN);
        for (int i = 0; i < seconds * 2; i++) {
            sim.advance(Duration.ofMillis(500));
            assertThat(Math.hypot(v.eastM() - centreE, v.northM() - centreN)).as("distance from the centre at %.1f s", i / 2.0)
                    .isCloseTo(radiusM, Offset.offset(radiusM * 0.1));
            double now = bearingFrom(centreE, centreN);
            double step = Math.IEEEremainder(now - last, 2 * Math.PI);
            assertThat(clockwise ? step : -step).as("bearing advances at %.1f s", i / 2.0).isPositive();
            swept += step;
            last = now;
        }
        return swept;
    }

    @Test
    void orbitConvergesOnTheCircleAndGoesRoundClockwiseAtTheCommandedSpeed() {
        flyingDrone();
        assertThat(orbit(60, 40, 25, 30, 5)).isEqualTo(MavResult.MAV_RESULT_ACCEPTED);
        sim.advance(Duration.ofSeconds(40));
        assertThat(mode()).isEqualTo(FlightMode.ORBIT);

        double swept = sweep(60, 40, 30, true, 60);

        // 5 m/s on a 30 m radius for 60 s is 10 rad; the approach onto the circle may cost a little.
        assertThat(swept).isCloseTo(10, Offset.offset(1.0));
        assertThat(v.altitudeRelM()).isCloseTo(25, Offset.offset(0.5));
        assertThat(v.groundSpeedMps()).isCloseTo(5, Offset.offset(0.5));
        Heartbeat hb = gcs.stepUntil(Heartbeat.class, h -> true, Duration.ofSeconds(2));
        assertThat(hb.customMode()).as("PX4 POSCTL, sub mode ORBIT").isEqualTo((3L << 16) | (1L << 24));
    }

    @Test
    void aNegativeRadiusCirclesCounterClockwise() {
        flyingDrone();
        assertThat(orbit(-40, 0, 20, -20, 4)).isEqualTo(MavResult.MAV_RESULT_ACCEPTED);
        sim.advance(Duration.ofSeconds(40));

        assertThat(sweep(-40, 0, 20, false, 30)).isCloseTo(-6, Offset.offset(1.0));
    }

    @Test
    void aNewOrbitWhileOrbitingMovesTheCentreSmoothlyAndTheDroneFollows() {
        flyingDrone();
        orbit(0, 50, 25, 25, 5);
        sim.advance(Duration.ofSeconds(40));

        assertThat(orbit(40, 80, 25, 25, 5)).as("the person's track moved 50 m").isEqualTo(MavResult.MAV_RESULT_ACCEPTED);
        assertThat(mode()).isEqualTo(FlightMode.ORBIT);
        double maxStepM = 0;
        double e = v.eastM();
        double n = v.northM();
        for (int i = 0; i < 400; i++) {
            sim.advance(Duration.ofMillis(100));
            maxStepM = Math.max(maxStepM, Math.hypot(v.eastM() - e, v.northM() - n));
            e = v.eastM();
            n = v.northM();
        }
        assertThat(maxStepM).as("no jump: at most max speed x 0.1 s").isLessThanOrEqualTo(v.spec().maxSpeedMps() * 0.1 + 1e-9);

        sweep(40, 80, 25, true, 30);
    }

    @Test
    void holdEndsTheOrbit() {
        flyingDrone();
        orbit(30, 0, 20, 15, 3);
        sim.advance(Duration.ofSeconds(20));

        assertThat(gcs.command(1, MavCmd.MAV_CMD_DO_SET_MODE, 1, 4, 3)).isEqualTo(MavResult.MAV_RESULT_ACCEPTED);
        sim.advance(Duration.ofSeconds(10));
        double e = v.eastM();
        sim.advance(Duration.ofSeconds(10));
        assertThat(mode()).isEqualTo(FlightMode.HOLD);
        assertThat(v.eastM()).as("holding, not circling").isCloseTo(e, Offset.offset(0.2));
    }

    @Test
    void lowBatteryReturnsHomeFromAnOrbit() {
        Scenario s = TestScenarios.of(1, new FailsafeSpec(25.0, 10.0, null, null), null,
                List.of(TestScenarios.drone("drone-1", 27.0)), null, null);
        start(s, "drone-1");
        armAndTakeOff();
        assertThat(orbit(100, 0, 20, 30, 5)).isEqualTo(MavResult.MAV_RESULT_ACCEPTED);

        gcs.stepUntil(Statustext.class, t -> t.text().startsWith("Low battery level, returning"), Duration.ofSeconds(300));
        assertThat(mode()).isEqualTo(FlightMode.RTL);
    }

    @Test
    void orbitIsDeniedDisarmedOrOnTheGroundAndUnsupportedOnARover() {
        start(TestScenarios.of(1, List.of(TestScenarios.drone("drone-1"))), "drone-1");
        assertThat(orbit(30, 0, 20, 15, 3)).as("disarmed").isEqualTo(MavResult.MAV_RESULT_DENIED);
        assertThat(gcs.command(1, MavCmd.MAV_CMD_COMPONENT_ARM_DISARM, 1)).isEqualTo(MavResult.MAV_RESULT_ACCEPTED);
        assertThat(orbit(30, 0, 20, 15, 3)).as("armed on the ground").isEqualTo(MavResult.MAV_RESULT_DENIED);
        assertThat(mode()).isNotEqualTo(FlightMode.ORBIT);
        sim.close();

        start(TestScenarios.of(1, List.of(TestScenarios.rover("robot-1"))), "robot-1");
        gcs.command(1, MavCmd.MAV_CMD_COMPONENT_ARM_DISARM, 1);
        assertThat(orbit(30, 0, 20, 15, 3)).isEqualTo(MavResult.MAV_RESULT_UNSUPPORTED);
    }

    @Test
    void orbitOutsideWhatPx4FliesIsDenied() {
        flyingDrone();
        assertThat(orbit(30, 0, 20, 1_500, 3)).as("radius above 1000 m").isEqualTo(MavResult.MAV_RESULT_DENIED);
        assertThat(orbit(30, 0, 600, 15, 3)).as("above the vehicle's ceiling").isEqualTo(MavResult.MAV_RESULT_DENIED);
        assertThat(mode()).isEqualTo(FlightMode.HOLD);
    }
}
