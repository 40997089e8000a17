package org.skyfleet.cluster;

import org.skyfleet.fleet.testing.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.cluster.InMemoryLinkOwnership;
import org.skyfleet.fleet.cluster.RelayOutcome;
import org.skyfleet.fleet.cluster.RelayStatus;
import org.skyfleet.fleet.command.CommandOutcome;
import org.skyfleet.fleet.command.CommandResult;
import org.skyfleet.fleet.command.ScriptedVehicleCommands;
import org.skyfleet.fleet.command.VehicleCommand;

/** Where a command goes on a node of a shared fleet, and how a failed relay is told. */
class ClusterVehicleCommandsTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-05T23:00:00Z"));
    private final InMemoryLinkOwnership.Table table = new InMemoryLinkOwnership.Table();
    private final InMemoryLinkOwnership here = new InMemoryLinkOwnership(table, "A", clock, Duration.ofSeconds(10));
    private final InMemoryLinkOwnership elsewhere = new InMemoryLinkOwnership(table, "B", clock, Duration.ofSeconds(10));
    private final ScriptedVehicleCommands local = new ScriptedVehicleCommands().connect("mine");
    private final OwnershipGate gate = new OwnershipGate(here, Runnable::run, clock, Duration.ofSeconds(1), new SimpleMeterRegistry());
    private final List<String> relayed = new ArrayList<>();
    private RelayOutcome relayAnswer = RelayOutcome.ok(CommandOutcome.of(CommandResult.ACCEPTED, 2));
    private final ClusterVehicleCommands commands = new ClusterVehicleCommands(local, gate, here,
            (owner, id, vehicle, c) -> {
                relayed.add(owner + " " + id + " " + vehicle + " " + c.verb());
                return CompletableFuture.completedFuture(relayAnswer);
            }, Runnable::run, Runnable::run, new SimpleMeterRegistry());

    @Test
    void aVehicleHeldHereIsCommandedThroughItsOwnLink() throws Exception {
        gate.admit("mine");  // the claim runs at once here
        assertThat(send("c1", "mine").result()).isEqualTo(CommandResult.ACCEPTED);
        assertThat(local.sent()).hasSize(1);
        assertThat(relayed).isEmpty();
    }

    @Test
    void aVehicleOwnedElsewhereGoesToItsOwnerWithTheCallersCommandId() throws Exception {
        elsewhere.claim("theirs");
        assertThat(send("c2", "theirs")).isEqualTo(CommandOutcome.of(CommandResult.ACCEPTED, 2));
        assertThat(relayed).containsExactly("B c2 theirs HOLD");
        assertThat(local.sent()).isEmpty();
    }

    @Test
    void aVehicleNobodyHoldsIsNotConnected() throws Exception {
        CommandOutcome o = send("c3", "nobodys");
        assertThat(o.result()).isEqualTo(CommandResult.NOT_CONNECTED);
        assertThat(o.detail()).contains("no control-plane node holds the link of nobodys");
        assertThat(relayed).isEmpty();
    }

    @Test
    void aFailedRelayIsTheGroundSidesVerdictWithTheReason() throws Exception {
        elsewhere.claim("theirs");
        relayAnswer = RelayOutcome.failed(RelayStatus.DEADLINE_EXCEEDED, "no answer within 20000 ms");
        CommandOutcome late = send("c4", "theirs");
        assertThat(late.result()).isEqualTo(CommandResult.TIMED_OUT);
        assertThat(late.detail()).contains("node B", "no answer within");

        relayAnswer = RelayOutcome.failed(RelayStatus.UNAVAILABLE, "node B is not serving commands");
        assertThat(send("c5", "theirs").result()).isEqualTo(CommandResult.NOT_CONNECTED);
        relayAnswer = RelayOutcome.failed(RelayStatus.REJECTED, "node B does not own the link of theirs");
        assertThat(send("c6", "theirs").detail()).contains("does not own");
    }

    @Test
    void automationsCommandsWithoutAnIdGetOneMadeHere() throws Exception {
        elsewhere.claim("theirs");
        commands.send("theirs", VehicleCommand.hold()).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(relayed).singleElement().asString().startsWith("B node-A-");
    }

    private CommandOutcome send(String id, String vehicle) throws Exception {
        return commands.send(id, vehicle, VehicleCommand.hold(), p -> { }).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}
