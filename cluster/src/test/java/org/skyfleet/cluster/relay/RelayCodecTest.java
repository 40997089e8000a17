package org.skyfleet.cluster.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.command.CommandOutcome;
import org.skyfleet.fleet.command.CommandResult;
import org.skyfleet.fleet.command.CommandVerb;
import org.skyfleet.fleet.command.VehicleCommand;

class RelayCodecTest {

    @Test
    void everyVerbCrossesWithItsParameters() throws Exception {
        List<VehicleCommand> all = List.of(VehicleCommand.arm(), VehicleCommand.disarm(), VehicleCommand.takeoff(25.5),
                VehicleCommand.goTo(53.39, -1.86, 120), VehicleCommand.orbit(53.39, -1.86, 60, 35, -4),
                VehicleCommand.roi(53.39, -1.86, -2.5), VehicleCommand.hold(),
                VehicleCommand.returnToLaunch(), VehicleCommand.land(), VehicleCommand.setSpeed(7.5), VehicleCommand.missionStart(),
                VehicleCommand.missionPause(), VehicleCommand.missionResume(), VehicleCommand.kill());
        assertThat(all).extracting(VehicleCommand::verb).containsExactlyInAnyOrder(CommandVerb.values());
        for (VehicleCommand c : all) {
            var request = RelayCodec.parseRequest(RelayCodec.request("id-1", "mav-14550-3", c));
            assertThat(request.getCommandId()).isEqualTo("id-1");
            assertThat(request.getVehicleId()).isEqualTo("mav-14550-3");
            assertThat(RelayCodec.command(request)).isEqualTo(c);
        }
    }

    @Test
    void everyResultCrossesBack() throws Exception {
        for (CommandResult r : CommandResult.values()) {
            CommandOutcome o = new CommandOutcome(r, r == CommandResult.IN_PROGRESS ? 40 : CommandOutcome.NO_PROGRESS, 3, "why " + r);
            assertThat(RelayCodec.outcome(RelayCodec.response(o))).isEqualTo(o);
        }
    }
}
