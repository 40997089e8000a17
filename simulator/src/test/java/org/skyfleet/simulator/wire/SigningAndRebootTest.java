package org.skyfleet.simulator.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.common.Attitude;
import io.dronefleet.mavlink.common.CommandLong;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MavResult;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.gcs.MemoryGroundStation;
import org.skyfleet.simulator.gcs.TestScenarios;
import org.skyfleet.simulator.link.MemoryLink;
import org.skyfleet.simulator.scenario.FaultSpec;
import org.skyfleet.simulator.scenario.ScenarioVehicle;
import org.skyfleet.simulator.vehicle.SimVehicleKind;

/** A MAVLink 2 signed link, and a reboot that restarts the packet sequence and time since boot. */
class SigningAndRebootTest {
    private static final String KEY_HEX = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @Test
    void signedVehicleSignsEverythingAndIgnoresUnsignedCommands() {
        MemoryLink link = new MemoryLink();
        ScenarioVehicle signed = new ScenarioVehicle("drone-1", SimVehicleKind.MULTICOPTER, null, null, null, null, null,
                null, null, null, null, KEY_HEX, null);
        Simulation sim = Simulation.manual(TestScenarios.of(1, List.of(signed)), n -> link.vehicleEnd(), r -> { });
        MemoryGroundStation gcs = new MemoryGroundStation(link, sim);
        byte[] key = HexFormat.of().parseHex(KEY_HEX);
        gcs.signWith(key);
        sim.advance(Duration.ofSeconds(2));
        gcs.poll();
        assertThat(gcs.frames()).isNotEmpty().allMatch(MemoryGroundStation.Frame::signedValid);

        gcs.signWith(null);
        gcs.send(CommandLong.builder().targetSystem(1).targetComponent(1).command(MavCmd.MAV_CMD_COMPONENT_ARM_DISARM)
                .param1(1).build());
        sim.advance(Duration.ofSeconds(1));
        assertThat(sim.vehicle("drone-1").rejectedUnsigned()).isEqualTo(1);
        assertThat(sim.vehicle("drone-1").autopilot().armed()).isFalse();

        gcs.signWith(key);
        assertThat(gcs.command(1, MavCmd.MAV_CMD_COMPONENT_ARM_DISARM, 1)).isEqualTo(MavResult.MAV_RESULT_ACCEPTED);
        assertThat(sim.vehicle("drone-1").autopilot().armed()).isTrue();
        sim.close();
    }

    @Test
    void rebootGoesSilentThenRestartsSequenceAndBootTime() {
        MemoryLink link = new MemoryLink();
        Simulation sim = Simulation.manual(TestScenarios.of(1, null, null, List.of(TestScenarios.drone("drone-1")), null,
                List.of(new FaultSpec("drone-1", FaultSpec.Type.REBOOT, 10, 2, null, null))), n -> link.vehicleEnd(), r -> { });
        MemoryGroundStation gcs = new MemoryGroundStation(link, sim);
        sim.advance(Duration.ofMillis(9990));
        gcs.poll();
        int before = gcs.frames().size();
        List<Attitude> attitudes = gcs.all(Attitude.class);
        assertThat(attitudes.get(attitudes.size() - 1).timeBootMs()).isGreaterThan(9000);
        int lastSeqBefore = gcs.frames().get(before - 1).sequence();
        assertThat(lastSeqBefore).as("the sequence has wrapped past small numbers").isGreaterThan(20);

        sim.advance(Duration.ofMillis(1900));
        gcs.poll();
        assertThat(gcs.frames()).as("silent while rebooting").hasSize(before);

        sim.advance(Duration.ofMillis(500));
        gcs.poll();
        List<MemoryGroundStation.Frame> after = gcs.frames().subList(before, gcs.frames().size());
        assertThat(after).isNotEmpty();
        assertThat(after.get(0).sequence()).isZero();
        Attitude firstAttitude = (Attitude) after.stream().map(MemoryGroundStation.Frame::payload)
                .filter(Attitude.class::isInstance).findFirst().orElseThrow();
        assertThat(firstAttitude.timeBootMs()).as("first due within one 200 ms interval of boot").isLessThan(210);
        sim.close();
    }
}
