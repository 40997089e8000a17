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
 * A drone flies a mission planned and started through node A, which owns its link; A stops mid-flight
 * and node B, which hears the drone too, takes the link over: B carries the mission on with the
 * progress it had, follows the vehicle's own reports and sees it complete.
 */
class MissionMovesWithItsDroneTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private SkyfleetServer nodeA;
    private SkyfleetServer nodeB;
    private Simulation sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
        for (SkyfleetServer n : new SkyfleetServer[] {nodeB, nodeA}) {
            if (n != null) {
                n.close();
            }
        }
    }

    private static <S extends io.grpc.stub.AbstractStub<S>> S as(S stub, String subject, String role) {
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers(subject, role)));
    }

    @Test
    void aMissionInFlightCarriesOnWithItsProgressOnTheNodeThatTakesTheDroneOver() throws Exception {
        NatsTestServer.connect("probe").close(); // skips, or fails in CI, without NATS
        int port = ClusterNodes.freeUdpPortOnBoth();
        InetSocketAddress atA = new InetSocketAddress("127.0.0.1", port);
        InetSocketAddress atB = new InetSocketAddress("127.0.0.2", port);
        String drone = "mav-" + port + "-1";
        nodeA = node(atA, NatsTestServer.unique("MA"));
        sim = Simulation.start(LongRoute.scenario(), List.of(atA, atB));
        Await.until(WAIT, "node A to own the drone with a home position", () -> nodeA.cluster().orElseThrow().gate().holds(drone)
                && nodeA.registry().find(drone).map(s -> s.home() != null).orElse(false));
        nodeB = node(atB, NatsTestServer.unique("MB"));

        ManagedChannel channelA = NettyChannelBuilder.forAddress("127.0.0.1", nodeA.grpcPort()).usePlaintext().build();
        String missionId;
        int doneBefore;
        try {
            var fleet = as(FleetServiceGrpc.newBlockingStub(channelA), "pam", "pilot");
            var missions = as(MissionServiceGrpc.newBlockingStub(channelA), "pam", "pilot");
            fleet.acquireControl(AcquireControlRequest.newBuilder().setVehicleId(drone).setTtlS(600).build());
            missionId = missions.createMission(CreateMissionRequest.newBuilder().setVehicleId(drone)
                    .setRoute(LongRoute.route(drone)).setCruiseSpeedMS(8).build()).getMission().getMissionId();
            missions.approveMission(ApproveMissionRequest.newBuilder().setMissionId(missionId).build());
            missions.uploadMission(UploadMissionRequest.newBuilder().setMissionId(missionId).build());
            assertThat(fleet.sendCommand(SendCommandRequest.newBuilder().setCommandId(NatsTestServer.unique("arm-"))
                    .setVehicleId(drone).setArm(SendCommandRequest.Arm.getDefaultInstance()).build()).getResult())
                    .isEqualTo(CommandResult.COMMAND_RESULT_ACCEPTED);
            missions.startMission(StartMissionRequest.newBuilder().setMissionId(missionId).build());
            Await.until(WAIT, "three items done on A", () -> missions.getMission(GetMissionRequest.newBuilder()
                    .setMissionId(missionId).build()).getMission().getItemsDone() >= 3);
            doneBefore = missions.getMission(GetMissionRequest.newBuilder().setMissionId(missionId).build()).getMission().getItemsDone();
        } finally {
            channelA.shutdownNow();
        }

        nodeA.close(); // releases the drone's link: B, which hears it, takes it over
        nodeA = null;

        ManagedChannel channelB = NettyChannelBuilder.forAddress("127.0.0.1", nodeB.grpcPort()).usePlaintext().build();
        try {
            var missions = as(MissionServiceGrpc.newBlockingStub(channelB), "cmdr", "commander");
            Await.until(WAIT, "node B to carry the mission on", () -> nodeB.cluster().orElseThrow().gate().holds(drone)
                    && nodeB.missions().find(missionId).isPresent());
            Mission carried = missions.getMission(GetMissionRequest.newBuilder().setMissionId(missionId).build()).getMission();
            assertThat(carried.getState()).isEqualTo(MissionState.MISSION_STATE_FLYING);
            assertThat(carried.getItemsDone()).isGreaterThanOrEqualTo(doneBefore);
            Await.until(Duration.ofSeconds(60), "the mission to complete on B, from the vehicle's own reports",
                    () -> missions.getMission(GetMissionRequest.newBuilder().setMissionId(missionId).build()).getMission()
                            .getState() == MissionState.MISSION_STATE_COMPLETED);
        } finally {
            channelB.shutdownNow();
        }
    }

    private static SkyfleetServer node(InetSocketAddress mavlink, String nodeId) throws Exception {
        return ClusterNodes.start(mavlink, nodeId, new InMemoryStore());
    }

}
