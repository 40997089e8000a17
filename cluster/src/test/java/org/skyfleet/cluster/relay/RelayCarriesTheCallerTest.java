package org.skyfleet.cluster.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skyfleet.cluster.bus.NatsTestServer;
import org.skyfleet.cluster.ownership.NatsLinkOwnership;
import org.skyfleet.fleet.audit.AuditEntry;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.cluster.RelayOutcome;
import org.skyfleet.fleet.cluster.RelayStatus;
import org.skyfleet.fleet.command.CommandOutcome;
import org.skyfleet.fleet.command.CommandResult;
import org.skyfleet.fleet.command.ScriptedVehicleCommands;
import org.skyfleet.fleet.command.VehicleCommand;
import org.skyfleet.fleet.control.CommandLedger;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.testing.ManualClock;
import org.skyfleet.server.auth.RefusalTally;
import org.skyfleet.server.auth.TokenAuthority;

/**
 * Node A owns v1 and holds the cluster's token key: a command published on its subject by anyone who can
 * reach the broker (a raw NATS connection, no token or a forged one) is refused and never reaches the
 * vehicle; node B's relay, carrying a token for its caller, still runs.
 */
class RelayCarriesTheCallerTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final ManualClock clock = new ManualClock(Instant.now());
    private final TokenAuthority tokens = new TokenAuthority(KEY, clock);
    private final AuditJournal audit = new AuditJournal(clock);
    private final RefusalTally refusals = new RefusalTally(audit, clock, 100, null);
    private final String bucket = NatsTestServer.unique("t-owners-");
    private final String nodeA = NatsTestServer.unique("A");
    private final ScriptedVehicleCommands vehicles = new ScriptedVehicleCommands().connect("v1");
    private Connection connA;
    private Connection attacker;
    private CommandRelayServer server;

    @BeforeEach
    void start() throws Exception {
        connA = NatsTestServer.connect("A");
        attacker = NatsTestServer.connect("raw");
        NatsLinkOwnership owners = new NatsLinkOwnership(connA, bucket, nodeA, clock, Duration.ofSeconds(10));
        owners.claim("v1");
        server = new CommandRelayServer(connA, owners, vehicles, new CommandLedger<>(clock, Duration.ofHours(1), 1_000),
                new RelayGate(tokens, refusals));
        connA.flush(Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() throws Exception {
        if (connA != null) {
            server.close();
            connA.keyValueManagement().delete(bucket);
            connA.close();
            attacker.close();
        }
    }

    @Test
    void aCommandPublishedWithoutATokenIsRefusedAndNeverReachesTheVehicle() throws Exception {
        Message reply = publish(null);

        assertRefused(reply, "UNAUTHENTICATED", "must carry the caller's bearer token");
        assertThat(vehicles.sent()).isEmpty();
        assertThat(audited()).anySatisfy(e -> {
            assertThat(e.result()).isEqualTo("UNAUTHENTICATED");
            assertThat(e.detail()).contains("nats:skyfleet.cmd." + nodeA).contains("SendCommand");
        });
    }

    @Test
    void aForgedTokenIsRefused() throws Exception {
        TokenAuthority otherKey = new TokenAuthority("another key of thirty-two bytes!".getBytes(StandardCharsets.US_ASCII), clock);

        Message reply = publish(otherKey.issue("mallory", Operator.Role.ADMIN, Duration.ofMinutes(1)));

        assertRefused(reply, "UNAUTHENTICATED", "bad token signature");
        assertThat(vehicles.sent()).isEmpty();
    }

    @Test
    void aValidTokenOfARoleThatMayNotCommandIsPermissionDenied() throws Exception {
        Message reply = publish(tokens.issue("unit-7", Operator.Role.OFFICER, Duration.ofMinutes(1)));

        assertRefused(reply, "PERMISSION_DENIED", "unit-7 (officer) may not call skyfleet.v1.FleetService/SendCommand");
        assertThat(vehicles.sent()).isEmpty();
        assertThat(audited()).anySatisfy(e -> assertThat(e.actor()).isEqualTo("unit-7 (officer)"));
    }

    @Test
    void aNodesRelayCarriesATokenForItsCallerAndRuns() throws Exception {
        Connection connB = NatsTestServer.connect("B");
        try {
            CommandRelayClient client = new CommandRelayClient(connB, Duration.ofSeconds(3),
                    new CallerTokens(tokens, new Operator("node-b", Operator.Role.AUTOMATION)));
            RelayOutcome o = client.send(nodeA, "c1", "v1", VehicleCommand.land()).toCompletableFuture().get(5, TimeUnit.SECONDS);

            assertThat(o).isEqualTo(RelayOutcome.ok(CommandOutcome.of(CommandResult.ACCEPTED, 1)));
            assertThat(vehicles.sent()).containsExactly(new ScriptedVehicleCommands.Sent("v1", VehicleCommand.land()));
        } finally {
            connB.close();
        }
    }

    @Test
    void aRelayWithoutTheTokenKeyIsTurnedAwayWithTheOwnersReason() throws Exception {
        Connection connB = NatsTestServer.connect("B");
        try {
            RelayOutcome o = new CommandRelayClient(connB, Duration.ofSeconds(3)).send(nodeA, "c1", "v1", VehicleCommand.land())
                    .toCompletableFuture().get(5, TimeUnit.SECONDS);

            assertThat(o.status()).isEqualTo(RelayStatus.REJECTED);
            assertThat(o.detail()).startsWith("UNAUTHENTICATED: ");
            assertThat(vehicles.sent()).isEmpty();
        } finally {
            connB.close();
        }
    }

    private Message publish(String token) throws Exception {
        byte[] land = RelayCodec.request("forged-1", "v1", VehicleCommand.land());
        NatsMessage.Builder m = NatsMessage.builder().subject(RelaySubjects.node(nodeA)).data(land);
        if (token != null) {
            m.headers(new Headers().put("Authorization", "Bearer " + token));
        }
        return attacker.request(m.build()).get(5, TimeUnit.SECONDS);
    }

    private static void assertRefused(Message reply, String code, String reason) {
        assertThat(reply.getHeaders()).isNotNull();
        assertThat(reply.getHeaders().getFirst(RelaySubjects.REFUSED_HEADER)).isEqualTo("true");
        assertThat(reply.getHeaders().getFirst(RelaySubjects.STATUS_HEADER)).isEqualTo(code);
        assertThat(new String(reply.getData(), StandardCharsets.UTF_8)).contains(reason);
    }

    private List<AuditEntry> audited() {
        refusals.flush(true);
        return audit.entries();
    }
}
