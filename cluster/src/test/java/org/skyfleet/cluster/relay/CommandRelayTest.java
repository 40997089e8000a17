package org.skyfleet.cluster.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.cluster.RelayOutcome;
import org.skyfleet.fleet.cluster.RelayStatus;
import org.skyfleet.fleet.command.CommandOutcome;
import org.skyfleet.fleet.command.CommandResult;
import org.skyfleet.fleet.command.CommandVerb;
import org.skyfleet.fleet.command.ScriptedVehicleCommands;
import org.skyfleet.fleet.command.VehicleCommand;
import org.skyfleet.fleet.command.VehicleCommands;
import org.skyfleet.fleet.control.CommandLedger;
import org.skyfleet.fleet.testing.ManualClock;
import org.skyfleet.cluster.bus.NatsTestServer;
import org.skyfleet.cluster.ownership.NatsLinkOwnership;

/** Node A owns vehicle v1 and serves its commands; node B relays to it over the real NATS. */
class CommandRelayTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-05T23:00:00Z"));
    private final String bucket = NatsTestServer.unique("t-owners-");
    private final String nodeA = NatsTestServer.unique("A");
    private final ScriptedVehicleCommands vehicles = new ScriptedVehicleCommands().connect("v1");
    private Connection connA;
    private Connection connB;
    private CommandRelayServer server;
    private CommandRelayClient client;

    @BeforeEach
    void start() throws Exception {
        connA = NatsTestServer.connect("A");
        connB = NatsTestServer.connect("B");
        NatsLinkOwnership owners = new NatsLinkOwnership(connA, bucket, nodeA, clock, Duration.ofSeconds(10));
        owners.claim("v1");
        server = new CommandRelayServer(connA, owners, vehicles, new CommandLedger<>(clock, Duration.ofHours(1), 1_000));
        connA.flush(Duration.ofSeconds(2));
        client = new CommandRelayClient(connB, Duration.ofSeconds(3));
    }

    @AfterEach
    void stop() throws Exception {
        if (connA != null) {
            server.close();
            connA.keyValueManagement().delete(bucket);
            connA.close();
            connB.close();
        }
    }

    @Test
    void theOwnerRunsTheCommandOnItsVehicleAndTheCallerGetsTheVehiclesAnswer() throws Exception {
        vehicles.answer(CommandVerb.TAKEOFF, new CommandOutcome(CommandResult.DENIED, CommandOutcome.NO_PROGRESS, 2, "not armed"));
        VehicleCommand orbit = VehicleCommand.orbit(51.5034, -0.1276, 80, 50, -6.5);

        assertThat(send("c1", "v1", VehicleCommand.arm())).isEqualTo(RelayOutcome.ok(CommandOutcome.of(CommandResult.ACCEPTED, 1)));
        assertThat(send("c2", "v1", VehicleCommand.takeoff(30)))
                .isEqualTo(RelayOutcome.ok(new CommandOutcome(CommandResult.DENIED, CommandOutcome.NO_PROGRESS, 2, "not armed")));
        assertThat(send("c3", "v1", orbit).status()).isEqualTo(RelayStatus.OK);
        assertThat(vehicles.sent()).containsExactly(new ScriptedVehicleCommands.Sent("v1", VehicleCommand.arm()),
                new ScriptedVehicleCommands.Sent("v1", VehicleCommand.takeoff(30)), new ScriptedVehicleCommands.Sent("v1", orbit));
    }

    @Test
    void aCommandIdRunsOnceHoweverOftenItIsRelayed() throws Exception {
        RelayOutcome first = send("same", "v1", VehicleCommand.land());
        RelayOutcome again = send("same", "v1", VehicleCommand.land());
        RelayOutcome other = send("same", "v1", VehicleCommand.returnToLaunch());

        assertThat(again).isEqualTo(first);
        assertThat(vehicles.sent()).hasSize(1);
        assertThat(other.status()).isEqualTo(RelayStatus.REJECTED);
        assertThat(other.detail()).contains("already used for another command");
    }

    @Test
    void aNodeRefusesCommandsForVehiclesItDoesNotOwn() throws Exception {
        RelayOutcome o = send("c9", "v2", VehicleCommand.hold());
        assertThat(o.status()).isEqualTo(RelayStatus.REJECTED);
        assertThat(o.detail()).contains("does not own the link of v2");
        assertThat(vehicles.sent()).isEmpty();
    }

    @Test
    void anOwnerThatIsGoneIsUnavailableAtOnce() throws Exception {
        long start = System.nanoTime();
        RelayOutcome o = client.send(NatsTestServer.unique("gone"), "c1", "v1", VehicleCommand.hold())
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(o.status()).isEqualTo(RelayStatus.UNAVAILABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void anOwnerThatDoesNotAnswerInTimeIsDeadlineExceeded() throws Exception {
        String nodeH = NatsTestServer.unique("H");
        NatsLinkOwnership owners = new NatsLinkOwnership(connA, bucket, nodeH, clock, Duration.ofSeconds(10));
        owners.claim("stuck");
        VehicleCommands neverAnswers = (id, c, p) -> new CompletableFuture<>();
        try (CommandRelayServer hanging = new CommandRelayServer(connA, owners, neverAnswers,
                new CommandLedger<>(clock, Duration.ofHours(1), 10))) {
            connA.flush(Duration.ofSeconds(2));
            RelayOutcome o = new CommandRelayClient(connB, Duration.ofMillis(300)).send(nodeH, "c1", "stuck", VehicleCommand.hold())
                    .toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertThat(o.status()).isEqualTo(RelayStatus.DEADLINE_EXCEEDED);
            assertThat(o.detail()).contains("same command id");
        }
    }

    private RelayOutcome send(String commandId, String vehicleId, VehicleCommand c) throws Exception {
        return client.send(nodeA, commandId, vehicleId, c).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}
