package org.skyfleet.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.common.GlobalPositionInt;
import io.dronefleet.mavlink.common.GpsFixType;
import io.dronefleet.mavlink.common.GpsRawInt;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MavMissionResult;
import io.dronefleet.mavlink.common.MavMissionType;
import io.dronefleet.mavlink.common.MavResult;
import io.dronefleet.mavlink.common.Statustext;
import io.dronefleet.mavlink.minimal.Heartbeat;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.simulator.autopilot.FailsafeConfig;
import org.skyfleet.simulator.gcs.GroundStation;
import org.skyfleet.simulator.gcs.Items;
import org.skyfleet.simulator.gcs.TestScenarios;
import org.skyfleet.simulator.scenario.FailsafeSpec;
import org.skyfleet.simulator.scenario.FaultSpec;
import org.skyfleet.simulator.scenario.Scenario;

/** PX4's failsafes and pre-flight checks, seen from a ground station over real UDP. */
class FailsafeTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final double HOME_AMSL_M = 30;

    private static double fromHomeM(GlobalPositionInt p) {
        return Math.hypot(TestScenarios.FRAME.eastM(p.lon() / 1e7), TestScenarios.FRAME.northM(p.lat() / 1e7));
    }

    /** Arms, takes off to 20 m and sends the drone towards a point {@code eastM} east of home. */
    private static void launchTowardsEast(GroundStation gcs, double eastM) {
        assertThat(gcs.command(1, MavCmd.MAV_CMD_COMPONENT_ARM_DISARM, 1)).isEqualTo(MavResult.MAV_RESULT_ACCEPTED);
        int mark = gcs.mark();
        assertThat(gcs.command(1, MavCmd.MAV_CMD_NAV_TAKEOFF, 0, 0, 0, Float.NaN, Float.NaN, Float.NaN,
                (float) (HOME_AMSL_M + 20))).isEqualTo(MavResult.MAV_RESULT_ACCEPTED);
        gcs.await(mark, 1, GlobalPositionInt.class, p -> p.relativeAlt() > 19_000, WAIT, "takeoff to 20 m");
        float lat = (float) TestScenarios.HOME.latDeg();
        float lon = (float) TestScenarios.FRAME.lonDeg(eastM);
        assertThat(gcs.command(1, MavCmd.MAV_CMD_DO_REPOSITION, -1, 1, 0, Float.NaN, lat, lon, (float) (HOME_AMSL_M + 20)))
                .isEqualTo(MavResult.MAV_RESULT_ACCEPTED);
    }

    private static void awaitLandedAtHome(GroundStation gcs, int from) {
        gcs.await(from, 1, Heartbeat.class, h -> !GroundStation.armed(h), Duration.ofSeconds(60), "disarmed after landing");
        int after = gcs.mark();
        GlobalPositionInt p = gcs.await(after, 1, GlobalPositionInt.class, x -> true, WAIT, "a position");
        assertThat(fromHomeM(p)).as("landed this far from home, m").isLessThan(4);
        assertThat(p.relativeAlt()).isBetween(-100, 100);
    }

    @Test
    void lowBatteryReturnsTheDroneHomeWhereItLands() {
        Scenario s = TestScenarios.of(10, List.of(TestScenarios.drone("drone-1", 22.0)));
        try (GroundStation gcs = new GroundStation(); Simulation sim = Simulation.start(s, gcs.address())) {
            gcs.awaitVehicle(1, WAIT);
            int start = gcs.mark();
            launchTowardsEast(gcs, 400);
            gcs.await(start, 1, Statustext.class, t -> t.text().startsWith("Low battery level, returning"), Duration.ofSeconds(30),
                    "the low-battery STATUSTEXT");
            gcs.await(start, 1, Heartbeat.class, h -> GroundStation.px4Mode(h)[0] == 4 && GroundStation.px4Mode(h)[1] == 5,
                    WAIT, "AUTO.RTL in HEARTBEAT");
            double farthest = gcs.all(start, 1, GlobalPositionInt.class).stream().mapToDouble(FailsafeTest::fromHomeM)
                    .max().orElseThrow();
            assertThat(farthest).as("turned back before reaching the 400 m point").isBetween(20.0, 390.0);
            awaitLandedAtHome(gcs, start);
        }
    }

    @Test
    void lostGroundStationHeartbeatReturnsTheDroneHome() {
        // 5x: the 5 s timeout is a full wall second, far beyond the 20 ms between the test's heartbeats.
        Scenario s = TestScenarios.of(5, new FailsafeSpec(null, null, 5.0, null), null,
                List.of(TestScenarios.drone("drone-1")), null, null);
        try (GroundStation gcs = new GroundStation(); Simulation sim = Simulation.start(s, gcs.address())) {
            gcs.awaitVehicle(1, WAIT);
            gcs.heartbeats(1, true);
            int start = gcs.mark();
            launchTowardsEast(gcs, 300);
            gcs.await(start, 1, GlobalPositionInt.class, p -> fromHomeM(p) > 60, WAIT, "60 m out");
            assertThat(gcs.all(start, 1, Statustext.class)).noneMatch(t -> t.text().startsWith("No connection"));
            gcs.heartbeats(1, false);
            int lost = gcs.mark();
            gcs.await(lost, 1, Statustext.class, t -> t.text().startsWith("No connection to ground station"), WAIT,
                    "the lost-link STATUSTEXT");
            gcs.await(lost, 1, Heartbeat.class, h -> GroundStation.px4Mode(h)[1] == 5, WAIT, "AUTO.RTL in HEARTBEAT");
            awaitLandedAtHome(gcs, lost);
        }
    }

    @Test
    void leavingTheUploadedFenceHoldsTheDroneAtTheBoundary() {
        Scenario s = TestScenarios.of(10, new FailsafeSpec(null, null, null, FailsafeConfig.FenceAction.HOLD), null,
                List.of(TestScenarios.drone("drone-1")), null, null);
        try (GroundStation gcs = new GroundStation(); Simulation sim = Simulation.start(s, gcs.address())) {
            gcs.awaitVehicle(1, WAIT);
            Items items = new Items(1, TestScenarios.FRAME);
            assertThat(gcs.upload(1, MavMissionType.MAV_MISSION_TYPE_FENCE, List.of(items.fenceCircle(0, 80)), WAIT))
                    .isEqualTo(MavMissionResult.MAV_MISSION_ACCEPTED);
            int start = gcs.mark();
            launchTowardsEast(gcs, 200);
            gcs.await(start, 1, Statustext.class, t -> t.text().equals("Geofence breached, holding position"), WAIT,
                    "the breach STATUSTEXT");
            int breach = gcs.mark();
            gcs.await(breach, 1, Heartbeat.class, h -> GroundStation.armed(h) && GroundStation.px4Mode(h)[0] == 4
                    && GroundStation.px4Mode(h)[1] == 3, WAIT, "armed in AUTO.LOITER (Hold)");
            // Ten simulated seconds later it is still holding just outside the 80 m circle, not at 200 m.
            gcs.await(breach, 1, GlobalPositionInt.class, p -> p.timeBootMs() > 0 && gcs.all(breach, 1,
                    GlobalPositionInt.class).size() > 50, WAIT, "ten seconds of positions");
            List<GlobalPositionInt> holding = gcs.all(breach, 1, GlobalPositionInt.class);
            GlobalPositionInt last = holding.get(holding.size() - 1);
            assertThat(fromHomeM(last)).as("holding this far from home, m").isBetween(78.0, 100.0);
            assertThat(holding).allSatisfy(p -> assertThat(fromHomeM(p)).isLessThan(110));
        }
    }

    @Test
    void armingIsRefusedWithoutGpsFixAndOnLowBattery() {
        Scenario s = TestScenarios.of(20, null, null, List.of(TestScenarios.drone("drone-1"),
                TestScenarios.drone("drone-2", 15.0)), null, List.of(new FaultSpec("drone-1", FaultSpec.Type.GPS_LOSS, 0, 0, null, null)));
        try (GroundStation gcs = new GroundStation(); Simulation sim = Simulation.start(s, gcs.address())) {
            gcs.awaitVehicle(1, WAIT);
            gcs.awaitVehicle(2, WAIT);
            int start = gcs.mark();
            GpsRawInt gps = gcs.await(start, 1, GpsRawInt.class, g -> true, WAIT, "GPS_RAW_INT");
            assertThat(gps.fixType().entry()).isEqualTo(GpsFixType.GPS_FIX_TYPE_NO_FIX);

            assertThat(gcs.command(1, MavCmd.MAV_CMD_COMPONENT_ARM_DISARM, 1)).isEqualTo(MavResult.MAV_RESULT_DENIED);
            gcs.await(start, 1, Statustext.class, t -> t.text().equals("Preflight Fail: GPS fix lost"), WAIT, "the GPS STATUSTEXT");
            assertThat(gcs.command(2, MavCmd.MAV_CMD_COMPONENT_ARM_DISARM, 1)).isEqualTo(MavResult.MAV_RESULT_DENIED);
            gcs.await(start, 2, Statustext.class, t -> t.text().equals("Preflight Fail: low battery"), WAIT,
                    "the battery STATUSTEXT");
            int after = gcs.mark();
            gcs.await(after, 1, Heartbeat.class, h -> true, WAIT, "a HEARTBEAT");
            assertThat(gcs.all(after, 1, Heartbeat.class)).noneMatch(GroundStation::armed);
            assertThat(gcs.all(after, 2, Heartbeat.class)).noneMatch(GroundStation::armed);
        }
    }
}
