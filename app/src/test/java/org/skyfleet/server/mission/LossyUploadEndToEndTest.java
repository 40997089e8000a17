package org.skyfleet.server.mission;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skyfleet.proto.v1.ApproveMissionRequest;
import org.skyfleet.proto.v1.UploadMissionRequest;
import org.skyfleet.proto.v1.AcquireControlRequest;
import org.skyfleet.proto.v1.CreateMissionRequest;
import org.skyfleet.proto.v1.FleetServiceGrpc;
import org.skyfleet.proto.v1.MissionServiceGrpc;
import org.skyfleet.proto.v1.MissionState;
import org.skyfleet.proto.v1.VehicleRoute;
import org.skyfleet.proto.v1.Waypoint;
import org.skyfleet.proto.v1.WaypointAction;
import org.skyfleet.server.Await;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.scenario.Scenario;

/** A mission upload over a radio that drops 30% of packets each way, in real time, as a real autopilot would see it. */
class LossyUploadEndToEndTest {
    private static final String SCENARIO = """
            {"name": "lossy-upload", "description": "one drone on the pad behind a lossy radio", "seed": 9,
             "durationS": 3600, "timeScale": 1, "home": {"latDeg": 51.5034, "lonDeg": -0.1276}, "homeAltAmslM": 20,
             "area": [], "night": false, "canopyCover": 0, "wind": {"speedMps": 0, "fromDeg": 0, "gustMps": 0},
             "failsafe": {"batteryReturnPercent": 20, "batteryLandPercent": 8, "lostLinkTimeoutS": 60, "fenceAction": "HOLD"},
             "vehicles": [{"name": "lossy", "type": "MULTICOPTER", "camera": {"preset": "VISUAL", "falsePositivesPerMin": 0}}],
             "targets": [],
             "faults": [{"vehicle": "lossy", "type": "PACKET_LOSS", "atS": 0, "durationS": 3600, "lossRate": 0.3}]}
            """;
    private static SkyfleetServer server;
    private static Simulation sim;
    private static ManagedChannel channel;

    @BeforeAll
    static void start() throws Exception {
        server = SkyfleetServer.start(ServerConfig.ephemeral(), InstantSource.system());
        sim = Simulation.start(Scenario.parse(SCENARIO), new InetSocketAddress("127.0.0.1", server.mavlinkAddress().getPort()));
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
        Await.until(Duration.ofSeconds(30), "the lossy drone with a home position",
                () -> server.registry().all().stream().anyMatch(s -> s.home() != null));
    }

    @AfterAll
    static void stop() {
        channel.shutdownNow();
        sim.close();
        server.close();
    }

    @Test
    void uploadCompletesAndVerifiesDespiteThirtyPercentLoss() {
        String drone = server.registry().all().get(0).vehicleId();
        var headers = MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("pam", "pilot"));
        var missions = MissionServiceGrpc.newBlockingStub(channel).withInterceptors(headers);
        FleetServiceGrpc.newBlockingStub(channel).withInterceptors(headers)
                .acquireControl(AcquireControlRequest.newBuilder().setVehicleId(drone).setTtlS(600).build());
        VehicleRoute.Builder route = VehicleRoute.newBuilder().setVehicleId(drone).addWaypoints(wp(0, WaypointAction.WAYPOINT_ACTION_TAKEOFF));
        for (int i = 1; i <= 25; i++) {
            route.addWaypoints(wp(10 * i, WaypointAction.WAYPOINT_ACTION_NAVIGATE));
        }
        route.addWaypoints(wp(0, WaypointAction.WAYPOINT_ACTION_RETURN_TO_LAUNCH));
        String id = missions.createMission(CreateMissionRequest.newBuilder().setVehicleId(drone).setRoute(route)
                .setCruiseSpeedMS(8).build()).getMission().getMissionId();
        missions.approveMission(ApproveMissionRequest.newBuilder().setMissionId(id).build());
        long lostBefore = sim.vehicle("lossy").link().lost();

        var uploaded = missions.withDeadlineAfter(120, TimeUnit.SECONDS)
                .uploadMission(UploadMissionRequest.newBuilder().setMissionId(id).build()).getMission();

        assertThat(uploaded.getState()).as(uploaded.getTransitionsList().toString()).isEqualTo(MissionState.MISSION_STATE_UPLOADED);
        assertThat(uploaded.getTransitions(uploaded.getTransitionsCount() - 1).getReason()).contains("read back 28 items", "hash matches");
        // The radio really dropped packets during the transfer; the protocol recovered them.
        assertThat(sim.vehicle("lossy").link().lost()).isGreaterThan(lostBefore + 5);
    }

    private static Waypoint wp(double northM, WaypointAction action) {
        return Waypoint.newBuilder().setLatDeg(51.5034 + northM / 111_320.0).setLonDeg(-0.1276).setAltRelM(30).setAction(action).build();
    }
}
