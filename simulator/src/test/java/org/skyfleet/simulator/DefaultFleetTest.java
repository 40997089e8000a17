package org.skyfleet.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.common.GlobalPositionInt;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MavResult;
import io.dronefleet.mavlink.common.RequestDataStream;
import io.dronefleet.mavlink.minimal.Heartbeat;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.simulator.gcs.GroundStation;
import org.skyfleet.simulator.world.LocalFrame;

/**
 * The contract the server's demo and end-to-end tests rely on: {@link SimulationConfig#around} starts
 * PX4 drones already flying their loops and ArduPilot rovers that stream only when asked.
 */
class DefaultFleetTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void dronesStreamAirborneInMissionAndLegacyRoversWaitToBeAsked() {
        try (GroundStation gcs = new GroundStation();
             Simulation sim = Simulation.start(SimulationConfig.around(gcs.address(), 51.5, -0.12, 2, 1, 5))) {
            assertThat(sim.vehicles()).extracting(w -> w.vehicle().name()).containsExactly("drone-1", "drone-2", "robot-1");
            assertThat(sim.vehicle("robot-1").vehicle().systemId()).isEqualTo(3);
            for (int sys = 1; sys <= 3; sys++) {
                gcs.awaitVehicle(sys, WAIT);
            }
            int start = gcs.mark();
            Heartbeat drone = gcs.await(start, 1, Heartbeat.class, h -> true, WAIT, "drone HEARTBEAT");
            assertThat(GroundStation.armed(drone)).isTrue();
            assertThat(GroundStation.px4Mode(drone)).containsExactly(4, 4);
            assertThat(drone.autopilot().value()).isEqualTo(12);
            GlobalPositionInt first = gcs.await(start, 2, GlobalPositionInt.class, p -> p.timeBootMs() > 6000, WAIT,
                    "drone-2 position once up to speed");
            assertThat(first.relativeAlt()).as("drone-2 flies at 70 m").isBetween(69_000, 71_000);
            GlobalPositionInt later = gcs.await(start, 2, GlobalPositionInt.class, p -> p.timeBootMs() >= first.timeBootMs() + 2000,
                    WAIT, "a position two seconds later");
            LocalFrame f = new LocalFrame(51.5, -0.12);
            double movedM = Math.hypot(f.eastM(later.lon() / 1e7) - f.eastM(first.lon() / 1e7),
                    f.northM(later.lat() / 1e7) - f.northM(first.lat() / 1e7));
            assertThat(movedM).as("flying its loop at 8..14 m/s").isBetween(15.0, 29.0);

            Heartbeat rover = gcs.await(start, 3, Heartbeat.class, h -> true, WAIT, "robot HEARTBEAT");
            assertThat(rover.type().value()).isEqualTo(10);
            assertThat(rover.autopilot().value()).isEqualTo(3);
            assertThat(rover.customMode()).as("ArduPilot Rover AUTO").isEqualTo(10);
            assertThat(gcs.all(0, 3, GlobalPositionInt.class)).as("legacy ArduPilot sends nothing unasked").isEmpty();
            assertThat(gcs.command(3, MavCmd.MAV_CMD_SET_MESSAGE_INTERVAL, 33, 100_000)).isEqualTo(MavResult.MAV_RESULT_UNSUPPORTED);
            int asked = gcs.mark();
            gcs.send(3, RequestDataStream.builder().targetSystem(3).targetComponent(1).reqStreamId(6).reqMessageRate(4)
                    .startStop(1).build());
            gcs.await(asked, 3, GlobalPositionInt.class, p -> p.relativeAlt() == 0, WAIT, "robot position once asked");
        }
    }

    @Test
    void setMessageIntervalChangesAPx4Stream() {
        try (GroundStation gcs = new GroundStation();
             Simulation sim = Simulation.start(SimulationConfig.around(gcs.address(), 51.5, -0.12, 1, 0, 5))) {
            gcs.awaitVehicle(1, WAIT);
            assertThat(gcs.command(1, MavCmd.MAV_CMD_SET_MESSAGE_INTERVAL, 33, 20_000)).isEqualTo(MavResult.MAV_RESULT_ACCEPTED);
            int mark = gcs.mark();
            List<GlobalPositionInt> window = waitForPositions(gcs, mark, 40);
            long spanMs = window.get(window.size() - 1).timeBootMs() - window.get(0).timeBootMs();
            assertThat(spanMs / (double) (window.size() - 1)).as("ms between positions at 50 Hz").isBetween(18.0, 22.0);
        }
    }

    private static List<GlobalPositionInt> waitForPositions(GroundStation gcs, int mark, int n) {
        gcs.await(mark, 1, GlobalPositionInt.class, p -> gcs.all(mark, 1, GlobalPositionInt.class).size() >= n, WAIT,
                n + " positions");
        return gcs.all(mark, 1, GlobalPositionInt.class);
    }

}
