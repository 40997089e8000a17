package org.skyfleet.server.mission;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.vehicle.LandedState;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.proto.v1.ApproveMissionRequest;
import org.skyfleet.proto.v1.StartMissionRequest;
import org.skyfleet.proto.v1.StreamMissionProgressRequest;
import org.skyfleet.proto.v1.UploadMissionRequest;
import org.skyfleet.proto.v1.AcquireControlRequest;
import org.skyfleet.proto.v1.CommandResult;
import org.skyfleet.proto.v1.CreateMissionRequest;
import org.skyfleet.proto.v1.FleetServiceGrpc;
import org.skyfleet.proto.v1.GetMissionRequest;
import org.skyfleet.proto.v1.MissionProgress;
import org.skyfleet.proto.v1.MissionServiceGrpc;
import org.skyfleet.proto.v1.MissionState;
import org.skyfleet.proto.v1.SendCommandRequest;
import org.skyfleet.proto.v1.VehicleRoute;
import org.skyfleet.proto.v1.Waypoint;
import org.skyfleet.proto.v1.WaypointAction;
import org.skyfleet.server.Await;
import org.skyfleet.server.GrpcAssert;
import org.skyfleet.server.StreamRecorder;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.scenario.Scenario;

/**
 * A mission flown through the autopilot over the real wire, ten times faster than real time: plan,
 * approve, upload with read-back, arm, start, every item reached in order, landed at home.
 */
class MissionFlightEndToEndTest {
    private static final double HOME_LAT = 51.5034;
    private static final double HOME_LON = -0.1276;
    private static final String SCENARIO = """
            {"name": "mission-e2e", "description": "one drone on the pad, one without GPS", "seed": 3,
             "durationS": 3600, "timeScale": 10, "home": {"latDeg": 51.5034, "lonDeg": -0.1276}, "homeAltAmslM": 20,
             "area": [], "night": false, "canopyCover": 0,
             "wind": {"speedMps": 0, "fromDeg": 0, "gustMps": 0},
             "failsafe": {"batteryReturnPercent": 20, "batteryLandPercent": 8, "lostLinkTimeoutS": 30, "fenceAction": "HOLD"},
             "vehicles": [{"name": "pad", "type": "MULTICOPTER", "camera": {"preset": "VISUAL", "falsePositivesPerMin": 0}},
                          {"name": "nogps", "type": "MULTICOPTER", "camera": {"preset": "VISUAL", "falsePositivesPerMin": 0}}],
             "targets": [],
             "faults": [{"vehicle": "nogps", "type": "GPS_LOSS", "atS": 0, "durationS": 3600}]}
            """;

    private static SkyfleetServer server;
    private static Simulation sim;
    private static ManagedChannel channel;

    @BeforeAll
    static void start() throws Exception {
        server = SkyfleetServer.start(ServerConfig.ephemeral(), InstantSource.system());
        sim = Simulation.start(Scenario.parse(SCENARIO), new InetSocketAddress("127.0.0.1", server.mavlinkAddress().getPort()));
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
        Await.until(Duration.ofSeconds(30), "every drone with a home position",
                () -> server.registry().all().stream().filter(s -> s.home() != null).count() == 2);
    }

    @AfterAll
    static void stop() {
        channel.shutdownNow();
        sim.close();
        server.close();
    }

    private static String idOf(String simName) {
        int systemId = sim.vehicle(simName).vehicle().systemId();
        return server.registry().all().stream().filter(s -> s.identity().mavlinkSystemId() == systemId).findFirst()
                .orElseThrow().vehicleId();
    }

    private static <S extends io.grpc.stub.AbstractStub<S>> S as(S stub) {
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("pam", "pilot")));
    }

    private static Waypoint wp(double northM, double altM, WaypointAction action) {
        return Waypoint.newBuilder().setLatDeg(HOME_LAT + northM / 111_320.0).setLonDeg(HOME_LON).setAltRelM(altM)
                .setAction(action).build();
    }

    @Test
    void missionIsUploadedVerifiedFlownItemByItemAndLandsHome() {
        String drone = idOf("pad");
        var missions = as(MissionServiceGrpc.newBlockingStub(channel));
        var fleet = as(FleetServiceGrpc.newBlockingStub(channel));
        fleet.acquireControl(AcquireControlRequest.newBuilder().setVehicleId(drone).setTtlS(600).build());
        VehicleRoute route = VehicleRoute.newBuilder().setVehicleId(drone)
                .addWaypoints(wp(0, 20, WaypointAction.WAYPOINT_ACTION_TAKEOFF))
                .addWaypoints(wp(60, 20, WaypointAction.WAYPOINT_ACTION_NAVIGATE))
                .addWaypoints(wp(0, 20, WaypointAction.WAYPOINT_ACTION_RETURN_TO_LAUNCH)).build();

        var draft = missions.createMission(CreateMissionRequest.newBuilder().setVehicleId(drone).setRoute(route)
                .setCruiseSpeedMS(8).build()).getMission();
        String id = draft.getMissionId();
        assertThat(draft.getState()).isEqualTo(MissionState.MISSION_STATE_DRAFT);
        GrpcAssert.assertStatus(() -> missions.uploadMission(UploadMissionRequest.newBuilder().setMissionId(id).build()),
                Status.Code.FAILED_PRECONDITION, "DRAFT");

        missions.approveMission(ApproveMissionRequest.newBuilder().setMissionId(id).build());
        var uploaded = missions.uploadMission(UploadMissionRequest.newBuilder().setMissionId(id).build()).getMission();
        assertThat(uploaded.getState()).isEqualTo(MissionState.MISSION_STATE_UPLOADED);
        assertThat(uploaded.getTransitions(uploaded.getTransitionsCount() - 1).getReason()).contains("hash matches");

        var recorder = new StreamRecorder<StreamMissionProgressRequest, MissionProgress>(false);
        MissionServiceGrpc.newStub(channel).streamMissionProgress(StreamMissionProgressRequest.newBuilder().setMissionId(id).build(), recorder);
        List<MissionProgress> progress = recorder.received;
        assertThat(fleet.sendCommand(SendCommandRequest.newBuilder().setCommandId("arm-pad").setVehicleId(drone)
                .setArm(SendCommandRequest.Arm.getDefaultInstance()).build()).getResult()).isEqualTo(CommandResult.COMMAND_RESULT_ACCEPTED);
        var started = missions.startMission(StartMissionRequest.newBuilder().setMissionId(id).build());
        assertThat(started.getCommandResult()).isEqualTo(org.skyfleet.proto.v1.CommandResult.COMMAND_RESULT_ACCEPTED);
        assertThat(started.getMission().getState()).isEqualTo(MissionState.MISSION_STATE_FLYING);

        Await.until(Duration.ofSeconds(60), "the mission to complete",
                () -> missions.getMission(GetMissionRequest.newBuilder().setMissionId(id).build()).getMission().getState()
                        == MissionState.MISSION_STATE_COMPLETED);
        var done = missions.getMission(GetMissionRequest.newBuilder().setMissionId(id).build()).getMission();
        assertThat(done.getItemsDone()).isEqualTo(done.getItemsCount());
        // Items were reported done one after another, never backwards.
        List<Integer> doneCounts = progress.stream().map(MissionProgress::getItemsDone).toList();
        for (int i = 1; i < doneCounts.size(); i++) {
            assertThat(doneCounts.get(i)).isGreaterThanOrEqualTo(doneCounts.get(i - 1));
        }
        assertThat(doneCounts).contains(done.getItemsCount());
        assertThat(progress).anySatisfy(p -> assertThat(p.getDistanceLeftM()).isGreaterThan(30));

        Await.until(Duration.ofSeconds(60), "the drone to land at home", () -> {
            VehicleState s = server.registry().find(drone).orElseThrow();
            return s.status().landedState() == LandedState.ON_GROUND && s.position() != null
                    && org.skyfleet.planner.geo.GreatCircle.distanceM(new org.skyfleet.planner.geo.GeoPoint(s.position().latDeg(),
                            s.position().lonDeg()), new org.skyfleet.planner.geo.GeoPoint(HOME_LAT, HOME_LON)) < 5;
        });
    }

    @Test
    void aVehicleThatRefusesToArmWithoutGpsGivesDeniedToTheCaller() {
        String drone = idOf("nogps");
        var fleet = as(FleetServiceGrpc.newBlockingStub(channel));
        fleet.acquireControl(AcquireControlRequest.newBuilder().setVehicleId(drone).build());

        var answer = fleet.sendCommand(SendCommandRequest.newBuilder().setCommandId("arm-nogps").setVehicleId(drone)
                .setArm(SendCommandRequest.Arm.getDefaultInstance()).build());

        assertThat(answer.getResult()).isEqualTo(CommandResult.COMMAND_RESULT_DENIED);
        assertThat(answer.getAttempts()).isGreaterThanOrEqualTo(1);
    }
}
