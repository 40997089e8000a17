package org.skyfleet.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.store.InMemoryStore;
import org.skyfleet.fleet.vehicle.LinkState;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.proto.v1.AcquireControlRequest;
import org.skyfleet.proto.v1.CommandResult;
import org.skyfleet.proto.v1.ControlChange;
import org.skyfleet.proto.v1.StreamControlChangesRequest;
import org.skyfleet.proto.v1.FleetServiceGrpc;
import org.skyfleet.proto.v1.ListVehiclesRequest;
import org.skyfleet.proto.v1.ReleaseControlRequest;
import org.skyfleet.proto.v1.SendCommandRequest;
import org.skyfleet.proto.v1.SendCommandResponse;
import org.skyfleet.proto.v1.StreamVehicleStatesRequest;
import org.skyfleet.proto.v1.StreamVehicleStatesResponse;
import org.skyfleet.proto.v1.TelemetryServiceGrpc;
import org.skyfleet.server.Await;
import org.skyfleet.server.GrpcAssert;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.server.StreamRecorder;
import org.skyfleet.cluster.bus.NatsTestServer;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.SimulationConfig;

/**
 * Two control-plane nodes in one JVM on the real NATS, listening for MAVLink on the same port at two
 * loopback addresses (so the drone has the same id on both), and a simulated drone streaming to both.
 * The drone is linked to node A; a commander on node B watches and commands it; node A stops and node B
 * takes the drone over from its own datagrams.
 */
class TwoNodesShareAFleetTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
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
    void aDroneLinkedToOneNodeIsWatchedAndCommandedThroughTheOtherWhichTakesItOverWhenTheFirstStops() throws Exception {
        NatsTestServer.connect("probe").close();  // skips, or fails in CI, without NATS
        int port = ClusterNodes.freeUdpPortOnBoth();
        InetSocketAddress atA = new InetSocketAddress("127.0.0.1", port);
        InetSocketAddress atB = new InetSocketAddress("127.0.0.2", port);
        String a = NatsTestServer.unique("A");
        String b = NatsTestServer.unique("B");
        nodeA = node(atA, a);
        sim = Simulation.start(SimulationConfig.around(atA, 51.5034, -0.1276, 1, 0, 5), List.of(atA, atB));
        String droneId = "mav-" + port + "-1";
        Await.until(WAIT, "node A to own the drone with a home position", () -> nodeA.cluster().orElseThrow().gate().holds(droneId)
                && nodeA.registry().find(droneId).map(s -> s.home() != null).orElse(false));

        nodeB = node(atB, b);
        channelB = NettyChannelBuilder.forAddress("127.0.0.1", nodeB.grpcPort()).usePlaintext().build();
        // a stream for a vehicle a node has never heard of is NOT_FOUND: B knows it once A's states arrive
        Await.until(WAIT, "node B to know the drone from the bus", () -> nodeB.registry().find(droneId).isPresent());
        var watch = new StreamRecorder<StreamVehicleStatesRequest, StreamVehicleStatesResponse>(false);
        TelemetryServiceGrpc.newStub(channelB).streamVehicleStates(StreamVehicleStatesRequest.newBuilder().addVehicleIds(droneId).build(),
                watch);
        Await.until(WAIT, "node B's commander to see the drone move", () -> watch.received.stream()
                .flatMap(r -> r.getStatesList().stream()).filter(s -> s.hasPosition()).map(s -> s.getVersion()).distinct().count() >= 5);
        assertThat(watch.error).isNull();
        var pilot = FleetServiceGrpc.newBlockingStub(channelB)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("pat", "pilot")));
        assertThat(pilot.listVehicles(ListVehiclesRequest.getDefaultInstance()).getVehiclesList())
                .anySatisfy(v -> assertThat(v.getVehicleId()).isEqualTo(droneId));
        assertThat(nodeB.cluster().orElseThrow().gate().holds(droneId)).isFalse();
        Await.until(WAIT, "B to hear the drone's heartbeat and leave the drone to A", () -> ignoredAsOwnedElsewhere(nodeB) > 0);
        assertThat(nodeB.cluster().orElseThrow().gate().holds(droneId)).isFalse();

        ManagedChannel channelA = NettyChannelBuilder.forAddress("127.0.0.1", nodeA.grpcPort()).usePlaintext().build();
        var changesOnA = new StreamRecorder<StreamControlChangesRequest, ControlChange>(false);
        FleetServiceGrpc.newStub(channelA).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(
                CallerInterceptor.headers("cmdr", "commander"))).streamControlChanges(StreamControlChangesRequest.newBuilder()
                .addVehicleIds(droneId).build(), changesOnA);
        // the stream sends nothing until a change: a lease taken and given back through A shows it is listening
        var probe = FleetServiceGrpc.newBlockingStub(channelA)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("probe", "pilot")));
        Await.until(WAIT, "A's control-change stream to be listening", () -> {
            probe.acquireControl(AcquireControlRequest.newBuilder().setVehicleId(droneId).setTtlS(5).build());
            probe.releaseControl(ReleaseControlRequest.newBuilder().setVehicleId(droneId).build());
            return !changesOnA.received.isEmpty();
        });
        pilot.acquireControl(AcquireControlRequest.newBuilder().setVehicleId(droneId).setTtlS(120).build());
        Await.until(WAIT, "a commander on A to hear of the lease taken through B", () -> changesOnA.received.stream()
                .anyMatch(c -> c.getKind() == ControlChange.Kind.KIND_ACQUIRED && c.getLease().getHolderSubject().equals("pat")));
        // the lease taken through B holds on A, which owns the link: another pilot there is refused
        try {
            var otherPilot = FleetServiceGrpc.newBlockingStub(channelA)
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("lee", "pilot")));
            GrpcAssert.assertStatus(() -> otherPilot.acquireControl(AcquireControlRequest.newBuilder().setVehicleId(droneId)
                    .setTtlS(60).build()), Status.Code.FAILED_PRECONDITION, "pat");
            GrpcAssert.assertStatus(() -> otherPilot.sendCommand(setSpeed("speed-lee", droneId, 9)),
                    Status.Code.FAILED_PRECONDITION, "pat");
        } finally {
            channelA.shutdownNow();
        }
        SendCommandResponse relayed = pilot.sendCommand(setSpeed("speed-1", droneId, 6));
        assertThat(relayed.getResult()).isEqualTo(CommandResult.COMMAND_RESULT_ACCEPTED);
        assertThat(relayed.getAttempts()).as("the vehicle's own answer, through A's link").isPositive();
        assertThat(pilot.sendCommand(setSpeed("speed-1", droneId, 6))).isEqualTo(relayed);
        assertThat(relayedOk(nodeB)).isEqualTo(1);

        long versionBefore = nodeB.registry().find(droneId).orElseThrow().version();
        nodeA.close();
        nodeA = null;
        Await.until(WAIT, "node B to take the drone over from its own datagrams",
                () -> nodeB.cluster().orElseThrow().gate().holds(droneId));
        Await.until(WAIT, "node B to ingest the drone itself", () -> {
            VehicleState s = nodeB.registry().find(droneId).orElseThrow();
            return s.status().linkState() == LinkState.CONNECTED && s.identity().linkPeer().startsWith("127.0.0.1")
                    && s.version() > versionBefore + 10;
        });
        SendCommandResponse local = pilot.sendCommand(setSpeed("speed-2", droneId, 7));
        assertThat(local.getResult()).isEqualTo(CommandResult.COMMAND_RESULT_ACCEPTED);
        assertThat(relayedOk(nodeB)).as("B commands its own drone through its own link").isEqualTo(1);
        int seen = watch.received.size();
        Await.until(WAIT, "B's commander to keep seeing the drone", () -> watch.received.size() > seen + 3);
    }

    private static SkyfleetServer node(InetSocketAddress mavlink, String nodeId) throws Exception {
        return ClusterNodes.start(mavlink, nodeId, new InMemoryStore());
    }

    private static SendCommandRequest setSpeed(String id, String vehicleId, double speed) {
        return SendCommandRequest.newBuilder().setCommandId(id).setVehicleId(vehicleId)
                .setSetSpeed(SendCommandRequest.SetSpeed.newBuilder().setSpeedMS(speed)).build();
    }

    private static double ignoredAsOwnedElsewhere(SkyfleetServer n) {
        var c = n.meters().find("skyfleet.mavlink.frames.ignored").tag("reason", "owned_elsewhere").counter();
        return c == null ? 0 : c.count();
    }

    private static double relayedOk(SkyfleetServer n) {
        return n.meters().get("skyfleet.cluster.commands.relayed").tag("status", "ok").counter().count();
    }

}
