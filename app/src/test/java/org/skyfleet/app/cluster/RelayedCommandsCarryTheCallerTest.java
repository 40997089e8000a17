package org.skyfleet.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.impl.NatsMessage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.cluster.ClusterConfig;
import org.skyfleet.cluster.bus.NatsTestServer;
import org.skyfleet.fleet.control.Operator.Role;
import org.skyfleet.fleet.store.InMemoryStore;
import org.skyfleet.proto.v1.AcquireControlRequest;
import org.skyfleet.proto.v1.CommandResult;
import org.skyfleet.proto.v1.FleetServiceGrpc;
import org.skyfleet.proto.v1.SendCommandRequest;
import org.skyfleet.server.Await;
import org.skyfleet.server.auth.TokenAuthority;
import org.skyfleet.server.automation.AutomationConfig;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.SimulationConfig;

/**
 * Two nodes sharing a token key, a drone linked to node A. A pilot's command given on node B reaches the
 * drone through A, carrying the pilot; a command published straight on A's command subject by anyone who can
 * reach NATS is refused and audited, and the drone never hears it.
 */
class RelayedCommandsCarryTheCallerTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** With tokens required, links must sign: the drone and both nodes share its key. */
    private static final org.skyfleet.server.FleetSigningKeys KEYS = org.skyfleet.server.FleetSigningKeys.forSystems(1, 11);
    private static final TokenAuthority TOKENS = new TokenAuthority(
            HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"), InstantSource.system());
    private SkyfleetServer nodeA;
    private SkyfleetServer nodeB;
    private Simulation sim;
    private ManagedChannel channelB;

    @AfterEach
    void stop() {
        if (channelB != null) {
            channelB.shutdownNow();
        }
        if (sim != null) {
            sim.close();
        }
        for (SkyfleetServer n : new SkyfleetServer[] {nodeB, nodeA}) {
            if (n != null) {
                n.close();
            }
        }
    }

    @Test
    void aPilotsCommandIsRelayedWithThePilotAndACommandPublishedOnTheBusIsRefused() throws Exception {
        NatsTestServer.connect("probe").close();  // skips, or fails in CI, without NATS
        int port = ClusterNodes.freeUdpPortOnBoth();
        InetSocketAddress atA = new InetSocketAddress("127.0.0.1", port);
        InetSocketAddress atB = new InetSocketAddress("127.0.0.2", port);
        String a = NatsTestServer.unique("A");
        nodeA = node(atA, a);
        sim = Simulation.start(SimulationConfig.around(atA, 51.5034, -0.1276, 1, 0, 5).withSigningKeys(KEYS.vehicles()),
                List.of(atA, atB));
        String droneId = "mav-" + port + "-1";
        Await.until(WAIT, "node A to own the drone", () -> nodeA.cluster().orElseThrow().gate().holds(droneId));
        nodeB = node(atB, NatsTestServer.unique("B"));
        Await.until(WAIT, "node B to know the drone from the bus", () -> nodeB.registry().find(droneId).isPresent());

        channelB = NettyChannelBuilder.forAddress("127.0.0.1", nodeB.grpcPort()).usePlaintext().build();
        var pilot = FleetServiceGrpc.newBlockingStub(channelB).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(
                CallerInterceptor.bearer(TOKENS.issue("pat", Role.PILOT, Duration.ofHours(1)))));
        pilot.acquireControl(AcquireControlRequest.newBuilder().setVehicleId(droneId).setTtlS(120).build());
        var relayed = pilot.sendCommand(SendCommandRequest.newBuilder().setCommandId("speed-1").setVehicleId(droneId)
                .setSetSpeed(SendCommandRequest.SetSpeed.newBuilder().setSpeedMS(6)).build());
        assertThat(relayed.getResult()).as(relayed.getDetail()).isEqualTo(CommandResult.COMMAND_RESULT_ACCEPTED);
        assertThat(nodeB.meters().get("skyfleet.cluster.commands.relayed").tag("status", "ok").counter().count()).isEqualTo(1);

        byte[] land = SendCommandRequest.newBuilder().setCommandId("forged-1").setVehicleId(droneId)
                .setLand(SendCommandRequest.Land.getDefaultInstance()).build().toByteArray();
        try (Connection raw = NatsTestServer.connect("raw")) {
            Message reply = raw.request(NatsMessage.builder().subject("skyfleet.cmd." + a).data(land).build())
                    .get(5, TimeUnit.SECONDS);
            assertThat(reply.getHeaders().getFirst("Skyfleet-Status")).isEqualTo("UNAUTHENTICATED");
            assertThat(new String(reply.getData(), StandardCharsets.UTF_8)).contains("bearer token");
        }
        nodeA.refusals().flush(true);
        assertThat(nodeA.audit().entries()).anySatisfy(e -> {
            assertThat(e.result()).isEqualTo("UNAUTHENTICATED");
            assertThat(e.detail()).contains("skyfleet.v1.FleetService/SendCommand");
        }).noneSatisfy(e -> assertThat(e.detail()).contains("forged-1"));
    }

    private static SkyfleetServer node(InetSocketAddress mavlink, String nodeId) throws Exception {
        return SkyfleetServer.start(ServerConfig.ephemeral().withMavlink(mavlink.getHostString(), mavlink.getPort(), 1)
                        .withTokens(TOKENS, true).withSigningKeys(KEYS.server()), AutomationConfig.defaults(), new InMemoryStore(), InstantSource.system(),
                ClusterConfig.of(NatsTestServer.URL, nodeId).withOwnerLease(ClusterNodes.OWNER_LEASE));
    }
}
