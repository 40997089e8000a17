package org.skyfleet.telemetry.mission;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.command.CommandOutcome;
import org.skyfleet.fleet.command.CommandResult;
import org.skyfleet.fleet.command.MissionContentHash;
import org.skyfleet.fleet.command.MissionItem;
import org.skyfleet.fleet.command.MissionType;
import org.skyfleet.fleet.command.TransferOutcome;
import org.skyfleet.fleet.command.TransferStatus;
import org.skyfleet.fleet.command.VehicleCommand;
import org.skyfleet.fleet.event.VehicleHealthRules;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.telemetry.bus.InProcessFleetBus;
import org.skyfleet.telemetry.command.CommandConfig;
import org.skyfleet.telemetry.command.FakeCommandVehicle;
import org.skyfleet.telemetry.command.MavlinkVehicleCommands;
import org.skyfleet.telemetry.command.UdpVehicle;
import org.skyfleet.telemetry.command.VehicleLink;
import org.skyfleet.telemetry.link.IngestMetrics;
import org.skyfleet.telemetry.link.LinkConfig;
import org.skyfleet.telemetry.link.MavlinkUdpLink;
import org.skyfleet.telemetry.mavlink.MavlinkFrame;

/** The adapters on a real {@link MavlinkUdpLink} over 127.0.0.1, against a vehicle on its own UDP socket. */
class CommandsAndMissionsOverUdpTest {
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private MavlinkUdpLink link;
    private UdpVehicle vehicle;

    @AfterEach
    void close() {
        if (vehicle != null) {
            vehicle.close();
        }
        if (link != null) {
            link.close();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void closingTheLinkEndsAPendingCommand() throws Exception {
        VehicleRegistry registry = new VehicleRegistry(new InProcessFleetBus(), VehicleHealthRules.defaults());
        link = MavlinkUdpLink.bind(LinkConfig.defaults("127.0.0.1", 0).withLinkName("udp"), group, registry,
                InstantSource.system(), new IngestMetrics(new SimpleMeterRegistry()));
        CompletableFuture<String> bound = new CompletableFuture<>();
        link.addObserver((String id, MavlinkFrame f) -> bound.complete(id));
        vehicle = UdpVehicle.start(group, link.localAddress(), 42, Duration.ZERO, 0, 1,
                new FakeCommandVehicle().silent(400));
        String vehicleId = bound.get(5, TimeUnit.SECONDS);
        MavlinkVehicleCommands commands = MavlinkVehicleCommands.forRegistry(VehicleLink.of(link), registry,
                CommandConfig.defaults());

        CompletableFuture<CommandOutcome> arm = commands.send(vehicleId, VehicleCommand.arm()).toCompletableFuture();
        link.close();

        assertThat(arm.get(5, TimeUnit.SECONDS).result()).isEqualTo(CommandResult.NOT_CONNECTED);
        vehicle.close();
        vehicle = null;
        link = null;
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        assertThat(commands.send(vehicleId, VehicleCommand.arm()).toCompletableFuture().get(1, TimeUnit.SECONDS))
                .extracting(CommandOutcome::result, CommandOutcome::detail)
                .containsExactly(CommandResult.NOT_CONNECTED, "link shut down");
    }

    @Test
    void armUploadDownloadAndHashOverTheRealLink() throws Exception {
        VehicleRegistry registry = new VehicleRegistry(new InProcessFleetBus(), VehicleHealthRules.defaults());
        link = MavlinkUdpLink.bind(LinkConfig.defaults("127.0.0.1", 0).withLinkName("udp"), group, registry,
                InstantSource.system(), new IngestMetrics(new SimpleMeterRegistry()));
        CompletableFuture<String> bound = new CompletableFuture<>();
        link.addObserver((String id, MavlinkFrame f) -> bound.complete(id));
        FakeMissionVehicle missions = new FakeMissionVehicle();
        vehicle = UdpVehicle.start(group, link.localAddress(), 42, Duration.ZERO, 0, 1, new FakeCommandVehicle(), missions);
        String vehicleId = bound.get(5, TimeUnit.SECONDS);

        VehicleLink vehicleLink = VehicleLink.of(link);
        MavlinkVehicleCommands commands = MavlinkVehicleCommands.forRegistry(vehicleLink, registry,
                CommandConfig.defaults());
        MavlinkMissionTransfer transfer = new MavlinkMissionTransfer(vehicleLink, TransferConfig.defaults());
        List<MissionItem> plan = TestPlans.survey(20);

        CommandOutcome armed = commands.send(vehicleId, VehicleCommand.arm()).toCompletableFuture().get(5, TimeUnit.SECONDS);
        TransferOutcome up = transfer.upload(vehicleId, MissionType.MISSION, plan).toCompletableFuture().get(10, TimeUnit.SECONDS);
        TransferOutcome back = transfer.download(vehicleId, MissionType.MISSION).toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(vehicleId).isEqualTo("mav-udp-42");
        assertThat(armed.result()).isEqualTo(CommandResult.ACCEPTED);
        assertThat(up.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(back.items()).isEqualTo(plan);
        assertThat(MissionContentHash.of(MissionType.MISSION, back.items()))
                .isEqualTo(MissionContentHash.of(MissionType.MISSION, plan));
        assertThat(commands.send("mav-udp-43", VehicleCommand.arm()).toCompletableFuture().get(5, TimeUnit.SECONDS)
                .result()).isEqualTo(CommandResult.NOT_CONNECTED);
    }
}
