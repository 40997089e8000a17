package org.skyfleet.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.store.jdbc.JdbcStore;
import org.skyfleet.fleet.vehicle.LinkState;
import org.skyfleet.proto.v1.AcquireControlRequest;
import org.skyfleet.proto.v1.CommandResult;
import org.skyfleet.proto.v1.FleetServiceGrpc;
import org.skyfleet.proto.v1.SendCommandRequest;
import org.skyfleet.proto.v1.SendCommandResponse;
import org.skyfleet.server.Await;
import org.skyfleet.server.TestPostgres;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.cluster.bus.NatsTestServer;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.SimulationConfig;

/**
 * Two nodes on one PostgreSQL and the real NATS, both started before any command: a command id answered
 * through node A, repeated through node B (while A runs, and after A stopped and B took the drone over), gets
 * A's first answer and is not sent again: the shared audit holds one send per id.
 */
class CommandIdsHoldAcrossNodesTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private TestPostgres db;
    private SkyfleetServer nodeA;
    private SkyfleetServer nodeB;
    private Simulation sim;
    private ManagedChannel channelA;
    private ManagedChannel channelB;

    @AfterEach
    void stop() {
        for (ManagedChannel c : new ManagedChannel[] {channelA, channelB}) {
            if (c != null) {
                c.shutdownNow();
            }
        }
        if (sim != null) {
            sim.close();
        }
        for (SkyfleetServer n : new SkyfleetServer[] {nodeB, nodeA}) {
            if (n != null) {
                n.close();
            }
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aCommandIdAnsweredThroughOneNodeIsAnsweredTheSameThroughTheOtherAndNotSentAgain() throws Exception {
        NatsTestServer.connect("probe").close(); // skips, or fails in CI, without NATS
        db = TestPostgres.freshSchema();
        int port = ClusterNodes.freeUdpPortOnBoth();
        InetSocketAddress atA = new InetSocketAddress("127.0.0.1", port);
        InetSocketAddress atB = new InetSocketAddress("127.0.0.2", port);
        String drone = "mav-" + port + "-1";
        nodeA = node(atA, NatsTestServer.unique("CA"));
        sim = Simulation.start(SimulationConfig.around(atA, 51.5034, -0.1276, 1, 0, 5), List.of(atA, atB));
        Await.until(WAIT, "node A to own the drone", () -> nodeA.cluster().orElseThrow().gate().holds(drone));
        // B starts before the commands: its ledger is not seeded with them at start, only the store can tell it
        nodeB = node(atB, NatsTestServer.unique("CB"));
        Await.until(WAIT, "node B to know the drone from the bus", () -> nodeB.registry().find(drone).isPresent());
        channelA = NettyChannelBuilder.forAddress("127.0.0.1", nodeA.grpcPort()).usePlaintext().build();
        channelB = NettyChannelBuilder.forAddress("127.0.0.1", nodeB.grpcPort()).usePlaintext().build();
        var pilotA = pilot(FleetServiceGrpc.newBlockingStub(channelA));
        var pilotB = pilot(FleetServiceGrpc.newBlockingStub(channelB));
        pilotA.acquireControl(AcquireControlRequest.newBuilder().setVehicleId(drone).setTtlS(120).build());

        String whileAlive = NatsTestServer.unique("speed-");
        SendCommandResponse first = pilotA.sendCommand(setSpeed(whileAlive, drone, 6));
        assertThat(first.getResult()).isEqualTo(CommandResult.COMMAND_RESULT_ACCEPTED);
        assertThat(pilotB.sendCommand(setSpeed(whileAlive, drone, 6))).isEqualTo(first);

        String beforeDeath = NatsTestServer.unique("speed-");
        SendCommandResponse answeredByA = pilotA.sendCommand(setSpeed(beforeDeath, drone, 7));
        assertThat(answeredByA.getResult()).isEqualTo(CommandResult.COMMAND_RESULT_ACCEPTED);
        nodeA.close();
        nodeA = null;
        Await.until(WAIT, "node B to take the drone over", () -> nodeB.cluster().orElseThrow().gate().holds(drone)
                && nodeB.registry().find(drone).orElseThrow().status().linkState() == LinkState.CONNECTED);
        assertThat(pilotB.sendCommand(setSpeed(beforeDeath, drone, 7))).isEqualTo(answeredByA);

        assertThat(sendsAudited(whileAlive)).isEqualTo(1);
        assertThat(sendsAudited(beforeDeath)).isEqualTo(1);
    }

    /** Sends of the command id journaled by any node, read from the shared database. */
    private long sendsAudited(String commandId) {
        try (JdbcStore store = JdbcStore.open(db.url())) {
            return store.audit().loadAll().stream().filter(e -> e.detail().startsWith("id " + commandId + " ")).count();
        }
    }

    private SkyfleetServer node(InetSocketAddress mavlink, String nodeId) throws Exception {
        return ClusterNodes.start(mavlink, nodeId, JdbcStore.open(db.url()));
    }

    private static <S extends io.grpc.stub.AbstractStub<S>> S pilot(S stub) {
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("pat", "pilot")));
    }

    private static SendCommandRequest setSpeed(String id, String vehicleId, double speed) {
        return SendCommandRequest.newBuilder().setCommandId(id).setVehicleId(vehicleId)
                .setSetSpeed(SendCommandRequest.SetSpeed.newBuilder().setSpeedMS(speed)).build();
    }

}
