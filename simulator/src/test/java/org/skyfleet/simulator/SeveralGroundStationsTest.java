package org.skyfleet.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.common.GlobalPositionInt;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MavResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.simulator.gcs.GroundStation;
import org.skyfleet.simulator.gcs.TestScenarios;
import org.skyfleet.simulator.sensor.DetectionSink;

/** A vehicle streaming to two ground stations at once, as PX4 does to several: both see it, either commands it. */
class SeveralGroundStationsTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void bothGroundStationsGetTheStreamFromOneAddressAndEitherCanCommand() {
        try (GroundStation first = new GroundStation(); GroundStation second = new GroundStation();
             Simulation sim = Simulation.start(TestScenarios.of(1, List.of(TestScenarios.drone("drone-1"))),
                     List.of(first.address(), second.address()), DetectionSink.discard())) {
            first.awaitVehicle(1, WAIT);
            second.awaitVehicle(1, WAIT);
            assertThat(second.vehicleAddress(1)).as("one socket: the same vehicle address for both").isEqualTo(first.vehicleAddress(1));
            first.await(0, 1, GlobalPositionInt.class, p -> true, WAIT, "a position at the first");
            second.await(0, 1, GlobalPositionInt.class, p -> true, WAIT, "a position at the second");

            assertThat(second.command(1, MavCmd.MAV_CMD_SET_MESSAGE_INTERVAL, 33, 50_000)).isEqualTo(MavResult.MAV_RESULT_ACCEPTED);
            assertThat(first.command(1, MavCmd.MAV_CMD_SET_MESSAGE_INTERVAL, 33, 100_000)).isEqualTo(MavResult.MAV_RESULT_ACCEPTED);
        }
    }
}
