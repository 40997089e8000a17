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
import org.skyfleet.fleet.store.InMemoryStore;
import org.skyfleet.proto.v1.ApproveMissionRequest;
import org.skyfleet.proto.v1.StartMissionRequest;
import org.skyfleet.proto.v1.UploadMissionRequest;
import org.skyfleet.proto.v1.AcquireControlRequest;
import org.skyfleet.proto.v1.CommandResult;
import org.skyfleet.proto.v1.CreateMissionRequest;
import org.skyfleet.proto.v1.FleetServiceGrpc;
import org.skyfleet.proto.v1.GetMissionRequest;
import org.skyfleet.proto.v1.ListMissionsRequest;
import org.skyfleet.proto.v1.Mission;
import org.skyfleet.proto.v1.MissionServiceGrpc;
import org.skyfleet.proto.v1.MissionState;
import org.skyfleet.proto.v1.SendCommandRequest;
import org.skyfleet.server.Await;
import org.skyfleet.server.LongRoute;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.cluster.bus.NatsTestServer;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.simulator.Simulation;

/**
 * A mission planned and flown through node A, which owns the drone's link, is listed through node B with its
 * state and progress as they change; B neither stores it (each node has its own store here, so a write would
 * show) nor takes the drone over.
 */
class MissionsShowOnEveryNodeTest {
    private static final Duration WAIT = Duration.ofSeconds(25);

    private final InMemoryStore storeB = new InMemoryStore();
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
    }

    @Test
    void aMissionFlownThroughItsOwnerIsListedWithItsProgressThroughTheOtherNode() throws Exception {
        NatsTestServer.connect("probe").close(); // skips, or fails in CI, without NATS
        int port = ClusterNodes.freeUdpPortOnBoth();
        InetSocketAddress atA = new InetSocketAddress("127.0.0.1", port);
        InetSocketAddress atB = new InetSocketAddress("127.0.0.2", port);
        String drone = "mav-" + port + "-1";
        nodeA = node(atA, NatsTestServer.unique("LA"), new InMemoryStore());
        sim = Simulation.start(LongRoute.scenario(), List.of(atA, atB));
        Await.until(WAIT, "node A to own the drone with a home position", () -> nodeA.cluster().orElseThrow().gate().holds(drone)
                && nodeA.registry().find(drone).map(s -> s.home() != null).orElse(false));
        nodeB = node(atB, NatsTestServer.unique("LB"), storeB);
        channelA = NettyChannelBuilder.forAddress("127.0.0.1", nodeA.grpcPort()).usePlaintext().build();
        channelB = NettyChannelBuilder.forAddress("127.0.0.1", nodeB.grpcPort()).usePlaintext().build();
        var fleetA = as(FleetServiceGrpc.newBlockingStub(channelA), "pam", "pilot");
        var missionsA = as(MissionServiceGrpc.newBlockingStub(channelA), "pam", "pilot");
        var missionsB = as(MissionServiceGrpc.newBlockingStub(channelB), "cmdr", "commander");

        fleetA.acquireControl(AcquireControlRequest.newBuilder().setVehicleId(drone).setTtlS(600).build());
        String missionId = missionsA.createMission(CreateMissionRequest.newBuilder().setVehicleId(drone)
                .setRoute(LongRoute.route(drone)).setCruiseSpeedMS(8).build()).getMission().getMissionId();
        Await.until(WAIT, "node B to list the mission created through A", () -> missionsB.listMissions(
                ListMissionsRequest.newBuilder().setVehicleId(drone).build()).getMissionsList().stream()
                .anyMatch(m -> m.getMissionId().equals(missionId)));

        missionsA.approveMission(ApproveMissionRequest.newBuilder().setMissionId(missionId).build());
        missionsA.uploadMission(UploadMissionRequest.newBuilder().setMissionId(missionId).build());
        assertThat(fleetA.sendCommand(SendCommandRequest.newBuilder().setCommandId(NatsTestServer.unique("arm-"))
                .setVehicleId(drone).setArm(SendCommandRequest.Arm.getDefaultInstance()).build()).getResult())
                .isEqualTo(CommandResult.COMMAND_RESULT_ACCEPTED);
        missionsA.startMission(StartMissionRequest.newBuilder().setMissionId(missionId).build());

        Await.until(WAIT, "node B to show the mission flying with two items done", () -> {
            Mission m = missionsB.getMission(GetMissionRequest.newBuilder().setMissionId(missionId).build()).getMission();
            return m.getState() == MissionState.MISSION_STATE_FLYING && m.getItemsDone() >= 2;
        });
        assertThat(nodeB.cluster().orElseThrow().gate().holds(drone)).as("B only shows the mission").isFalse();
        assertThat(storeB.missions().loadAll()).as("the owner stores its missions, not B").isEmpty();
    }

    @Test
    void aMissionPlannedUploadedAndStartedThroughTheOtherNodeFliesOnTheOwnersLink() throws Exception {
        NatsTestServer.connect("probe").close(); // skips, or fails in CI, without NATS
        int port = ClusterNodes.freeUdpPortOnBoth();
        InetSocketAddress atA = new InetSocketAddress("127.0.0.1", port);
        InetSocketAddress atB = new InetSocketAddress("127.0.0.2", port);
        String drone = "mav-" + port + "-1";
        nodeA = node(atA, NatsTestServer.unique("TA"), new InMemoryStore());
        sim = Simulation.start(LongRoute.scenario(), List.of(atA, atB));
        Await.until(WAIT, "node A to own the drone with a home position", () -> nodeA.cluster().orElseThrow().gate().holds(drone)
                && nodeA.registry().find(drone).map(s -> s.home() != null).orElse(false));
        nodeB = node(atB, NatsTestServer.unique("TB"), storeB);
        Await.until(WAIT, "node B to know the drone from the bus", () -> nodeB.registry().find(drone).isPresent());
        channelB = NettyChannelBuilder.forAddress("127.0.0.1", nodeB.grpcPort()).usePlaintext().build();
        var fleetB = as(FleetServiceGrpc.newBlockingStub(channelB), "pat", "pilot");
        var missionsB = as(MissionServiceGrpc.newBlockingStub(channelB), "pat", "pilot");

        fleetB.acquireControl(AcquireControlRequest.newBuilder().setVehicleId(drone).setTtlS(600).build());
        String missionId = missionsB.createMission(CreateMissionRequest.newBuilder().setVehicleId(drone)
                .setRoute(LongRoute.route(drone)).setCruiseSpeedMS(8).build()).getMission().getMissionId();
        missionsB.approveMission(ApproveMissionRequest.newBuilder().setMissionId(missionId).build());
        Mission uploaded = missionsB.uploadMission(UploadMissionRequest.newBuilder().setMissionId(missionId).build()).getMission();
        assertThat(uploaded.getState()).as("uploaded and read back through A's link").isEqualTo(MissionState.MISSION_STATE_UPLOADED);
        assertThat(nodeB.meters().get("skyfleet.cluster.transfers.relayed").counter().count())
                .as("the upload and its read-back went to A").isGreaterThanOrEqualTo(2);
        assertThat(fleetB.sendCommand(SendCommandRequest.newBuilder().setCommandId(NatsTestServer.unique("arm-"))
                .setVehicleId(drone).setArm(SendCommandRequest.Arm.getDefaultInstance()).build()).getResult())
                .isEqualTo(CommandResult.COMMAND_RESULT_ACCEPTED);
        missionsB.startMission(StartMissionRequest.newBuilder().setMissionId(missionId).build());

        Await.until(WAIT, "A to follow the mission from the drone's reports", () -> nodeA.missions().find(missionId)
                .map(m -> m.state() == org.skyfleet.fleet.mission.MissionState.FLYING && m.itemsDone() >= 2).orElse(false));
        Await.until(WAIT, "B to show the progress A followed", () -> {
            Mission m = missionsB.getMission(GetMissionRequest.newBuilder().setMissionId(missionId).build()).getMission();
            return m.getState() == MissionState.MISSION_STATE_FLYING && m.getItemsDone() >= 2;
        });
        assertThat(nodeB.cluster().orElseThrow().gate().holds(drone)).as("the drone stays A's").isFalse();
    }

    private static SkyfleetServer node(InetSocketAddress mavlink, String nodeId, InMemoryStore store) throws Exception {
        return ClusterNodes.start(mavlink, nodeId, store);
    }

    private static <S extends io.grpc.stub.AbstractStub<S>> S as(S stub, String subject, String role) {
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers(subject, role)));
    }

}
