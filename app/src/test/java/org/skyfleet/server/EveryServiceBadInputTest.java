package org.skyfleet.server;

import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import com.google.protobuf.Timestamp;
import org.skyfleet.proto.v1.ApproveMissionRequest;
import org.skyfleet.proto.v1.PauseMissionRequest;
import org.skyfleet.proto.v1.StartMissionRequest;
import org.skyfleet.proto.v1.UploadMissionRequest;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.skyfleet.proto.v1.AbortMissionRequest;
import org.skyfleet.proto.v1.ExportFormat;
import org.skyfleet.proto.v1.ExportMissionRequest;
import org.skyfleet.proto.v1.PauseMissionRequest;
import org.skyfleet.proto.v1.ReleaseControlRequest;
import org.skyfleet.proto.v1.ResumeMissionRequest;
import org.skyfleet.proto.v1.StreamControlChangesRequest;
import org.skyfleet.proto.v1.StreamEventsRequest;
import org.skyfleet.proto.v1.StreamMissionProgressRequest;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.SimulationConfig;
import org.skyfleet.proto.v1.AuditServiceGrpc;
import org.skyfleet.proto.v1.CreateMissionRequest;
import org.skyfleet.proto.v1.GetPositionHistoryRequest;
import org.skyfleet.proto.v1.ListAuditEntriesRequest;
import org.skyfleet.proto.v1.VehicleRoute;
import org.skyfleet.proto.v1.Waypoint;
import org.skyfleet.proto.v1.WaypointAction;
import org.skyfleet.proto.v1.AcquireControlRequest;
import org.skyfleet.proto.v1.BoundingBox;
import org.skyfleet.proto.v1.CheckRouteRequest;
import org.skyfleet.proto.v1.CreateZoneRequest;
import org.skyfleet.proto.v1.DeleteZoneRequest;
import org.skyfleet.proto.v1.FleetServiceGrpc;
import org.skyfleet.proto.v1.GeoPoint;
import org.skyfleet.proto.v1.GeofenceCategory;
import org.skyfleet.proto.v1.GeofenceServiceGrpc;
import org.skyfleet.proto.v1.GeofenceZone;
import org.skyfleet.proto.v1.GeofenceZoneKind;
import org.skyfleet.proto.v1.GetMissionRequest;
import org.skyfleet.proto.v1.GetVehicleRequest;
import org.skyfleet.proto.v1.GetZoneRequest;
import org.skyfleet.proto.v1.ImportGeoJsonRequest;
import org.skyfleet.proto.v1.ImportMissionRequest;
import org.skyfleet.proto.v1.ListVehiclesRequest;
import org.skyfleet.proto.v1.MissionServiceGrpc;
import org.skyfleet.proto.v1.Polygon;
import org.skyfleet.proto.v1.RouteCheckWaypoint;
import org.skyfleet.proto.v1.SendCommandRequest;
import org.skyfleet.proto.v1.StreamVehicleStatesRequest;
import org.skyfleet.proto.v1.StreamVehicleStatesResponse;
import org.skyfleet.proto.v1.TakeOverControlRequest;
import org.skyfleet.proto.v1.TelemetryServiceGrpc;
import org.skyfleet.proto.v1.UploadFenceRequest;
import org.skyfleet.server.grpc.CallerInterceptor;

/**
 * Bad input to the fleet, mission, zone, audit and telemetry services, one row per mistake a client makes:
 * each answer is the precise status with a message naming what is wrong, and the server keeps serving.
 * A second table drives the refusals that need a live vehicle through the one status map
 * ({@link org.skyfleet.server.grpc.StatusMapping}): someone else's lease and a state the lifecycle does not
 * allow are FAILED_PRECONDITION on every service that acts on a vehicle. (The incident, sighting and
 * dispatch services have their own table in IncidentApiContractTest.)
 */
class EveryServiceBadInputTest {
    private static SkyfleetServer server;
    private static Simulation sim;
    private static ManagedChannel channel;
    /** A live drone whose lease alice (pilot) holds, with a draft and an approved mission of hers. */
    private static String drone;
    private static String draftMission;
    private static String approvedMission;

    @BeforeAll
    static void start() throws Exception {
        server = SkyfleetServer.start(ServerConfig.ephemeral(), InstantSource.system());
        sim = Simulation.start(SimulationConfig.around(new InetSocketAddress("127.0.0.1", server.mavlinkAddress().getPort()),
                43.7, 7.26, 1, 0, 3));
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
        Await.until(Duration.ofSeconds(20), "the drone to connect", () -> server.registry().size() == 1);
        drone = server.registry().all().get(0).vehicleId();
        as(FleetServiceGrpc.newBlockingStub(channel), "alice", "pilot").acquireControl(AcquireControlRequest.newBuilder()
                .setVehicleId(drone).setTtlS(600).build());
        var alice = as(MissionServiceGrpc.newBlockingStub(channel), "alice", "pilot");
        VehicleRoute route = VehicleRoute.newBuilder().setVehicleId(drone)
                .addWaypoints(Waypoint.newBuilder().setLatDeg(43.7).setLonDeg(7.26).setAltRelM(20)
                        .setAction(WaypointAction.WAYPOINT_ACTION_TAKEOFF))
                .addWaypoints(Waypoint.newBuilder().setLatDeg(43.7005).setLonDeg(7.26).setAltRelM(20)
                        .setAction(WaypointAction.WAYPOINT_ACTION_NAVIGATE)).build();
        CreateMissionRequest create = CreateMissionRequest.newBuilder().setVehicleId(drone).setRoute(route).setCruiseSpeedMS(8).build();
        draftMission = alice.createMission(create).getMission().getMissionId();
        approvedMission = alice.createMission(create).getMission().getMissionId();
        alice.approveMission(ApproveMissionRequest.newBuilder().setMissionId(approvedMission).build());
    }

    @AfterAll
    static void stop() {
        channel.shutdownNow();
        sim.close();
        server.close();
    }

    private static <S extends io.grpc.stub.AbstractStub<S>> S as(S stub, String subject, String role) {
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers(subject, role)));
    }

    private static <S extends io.grpc.stub.AbstractStub<S>> S as(S stub, String role) {
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("tester", role)));
    }

    private static FleetServiceGrpc.FleetServiceBlockingStub fleet(String role) {
        return as(FleetServiceGrpc.newBlockingStub(channel), role);
    }

    private static MissionServiceGrpc.MissionServiceBlockingStub missions() {
        return as(MissionServiceGrpc.newBlockingStub(channel), "pilot");
    }

    private static GeofenceServiceGrpc.GeofenceServiceBlockingStub zones() {
        return as(GeofenceServiceGrpc.newBlockingStub(channel), "admin");
    }

    private static GeoPoint p(double lat, double lon) {
        return GeoPoint.newBuilder().setLatDeg(lat).setLonDeg(lon).build();
    }

    /** A bow tie: its edges cross. */
    private static Polygon bowTie() {
        return Polygon.newBuilder().addOuter(p(51.50, -0.13)).addOuter(p(51.51, -0.12)).addOuter(p(51.50, -0.12))
                .addOuter(p(51.51, -0.13)).build();
    }

    private static void drain(Iterator<StreamVehicleStatesResponse> it) {
        it.hasNext();
    }

    static List<Arguments> mistakes() {
        return List.of(
                Arguments.of("unknown vehicle", (Runnable) () -> fleet("pilot").getVehicle(GetVehicleRequest.newBuilder()
                        .setVehicleId("mav-1-99").build()), Status.Code.NOT_FOUND, "mav-1-99"),
                Arguments.of("lease on an unknown vehicle", (Runnable) () -> fleet("pilot").acquireControl(AcquireControlRequest
                        .newBuilder().setVehicleId("mav-1-99").setTtlS(60).build()), Status.Code.NOT_FOUND, "mav-1-99"),
                Arguments.of("lease as an officer", (Runnable) () -> fleet("officer").acquireControl(AcquireControlRequest
                        .newBuilder().setVehicleId("mav-1-99").setTtlS(60).build()), Status.Code.PERMISSION_DENIED, "AcquireControl"),
                Arguments.of("lease for an hour", (Runnable) () -> fleet("pilot").acquireControl(AcquireControlRequest
                        .newBuilder().setVehicleId("mav-1-99").setTtlS(3600).build()), Status.Code.INVALID_ARGUMENT, "ttl_s"),
                Arguments.of("take-over without a reason", (Runnable) () -> fleet("commander").takeOverControl(TakeOverControlRequest
                        .newBuilder().setVehicleId("mav-1-99").setTtlS(60).build()), Status.Code.INVALID_ARGUMENT, "reason"),
                Arguments.of("take-over by a pilot", (Runnable) () -> fleet("pilot").takeOverControl(TakeOverControlRequest
                        .newBuilder().setVehicleId("mav-1-99").setReason("mine").build()), Status.Code.PERMISSION_DENIED, "commander"),
                Arguments.of("command without a verb", (Runnable) () -> fleet("pilot").sendCommand(SendCommandRequest.newBuilder()
                        .setCommandId("c-1").setVehicleId("mav-1-99").build()), Status.Code.INVALID_ARGUMENT, "command"),
                Arguments.of("go-to to NaN", (Runnable) () -> fleet("pilot").sendCommand(SendCommandRequest.newBuilder()
                        .setCommandId("c-2").setVehicleId("mav-1-99").setGoTo(SendCommandRequest.GoTo.newBuilder().setTarget(
                                org.skyfleet.proto.v1.GeoPosition.newBuilder().setLatDeg(Double.NaN).setLonDeg(0).setAltRelM(50)))
                        .build()), Status.Code.INVALID_ARGUMENT, "lat"),
                Arguments.of("fence for an unknown vehicle", (Runnable) () -> fleet("pilot").uploadFence(UploadFenceRequest.newBuilder()
                        .setVehicleId("mav-1-99").build()), Status.Code.NOT_FOUND, "mav-1-99"),
                Arguments.of("unknown mission", (Runnable) () -> missions().getMission(GetMissionRequest.newBuilder()
                        .setMissionId("m-nope").build()), Status.Code.NOT_FOUND, "m-nope"),
                Arguments.of("approve an unknown mission", (Runnable) () -> missions().approveMission(ApproveMissionRequest.newBuilder()
                        .setMissionId("m-nope").build()), Status.Code.NOT_FOUND, "m-nope"),
                Arguments.of("start an unknown mission", (Runnable) () -> missions().startMission(StartMissionRequest.newBuilder()
                        .setMissionId("m-nope").build()), Status.Code.NOT_FOUND, "m-nope"),
                Arguments.of("upload without a mission id", (Runnable) () -> missions().uploadMission(UploadMissionRequest
                        .getDefaultInstance()), Status.Code.INVALID_ARGUMENT, "mission_id"),
                Arguments.of("pause an unknown mission", (Runnable) () -> missions().pauseMission(PauseMissionRequest.newBuilder()
                        .setMissionId("m-nope").build()), Status.Code.NOT_FOUND, "m-nope"),
                Arguments.of("abort an unknown mission", (Runnable) () -> missions().abortMission(AbortMissionRequest.newBuilder()
                        .setMissionId("m-nope").setReason("weather").build()), Status.Code.NOT_FOUND, "m-nope"),
                Arguments.of("abort without a reason", (Runnable) () -> missions().abortMission(AbortMissionRequest.newBuilder()
                        .setMissionId("m-nope").build()), Status.Code.INVALID_ARGUMENT, "reason"),
                Arguments.of("mission for an unknown vehicle", (Runnable) () -> missions().createMission(CreateMissionRequest
                        .newBuilder().setVehicleId("mav-1-99").setRoute(VehicleRoute.newBuilder().setVehicleId("mav-1-99")
                                .addWaypoints(Waypoint.newBuilder().setLatDeg(51.5).setLonDeg(-0.1).setAltRelM(30)
                                        .setAction(WaypointAction.WAYPOINT_ACTION_TAKEOFF))).setCruiseSpeedMS(8).build()),
                        Status.Code.NOT_FOUND, "mav-1-99"),
                Arguments.of("mission approved by an officer", (Runnable) () -> as(MissionServiceGrpc.newBlockingStub(channel), "officer")
                        .approveMission(ApproveMissionRequest.newBuilder().setMissionId("m-nope").build()),
                        Status.Code.PERMISSION_DENIED, "ApproveMission"),
                Arguments.of("audit page over the limit", (Runnable) () -> as(AuditServiceGrpc.newBlockingStub(channel), "commander")
                        .listAuditEntries(ListAuditEntriesRequest.newBuilder().setLimit(10_001).build()),
                        Status.Code.INVALID_ARGUMENT, "limit"),
                Arguments.of("audit page of 2^32-1 entries", (Runnable) () -> as(AuditServiceGrpc.newBlockingStub(channel), "commander")
                        .listAuditEntries(ListAuditEntriesRequest.newBuilder().setLimit(-1).build()),
                        Status.Code.INVALID_ARGUMENT, "limit"),
                Arguments.of("history without an interval", (Runnable) () -> fleet("commander").getPositionHistory(
                        GetPositionHistoryRequest.newBuilder().setVehicleId("mav-1-1").build()), Status.Code.INVALID_ARGUMENT, "from"),
                Arguments.of("history backwards", (Runnable) () -> fleet("commander").getPositionHistory(
                        GetPositionHistoryRequest.newBuilder().setVehicleId("mav-1-1").setFrom(Timestamp.newBuilder().setSeconds(200))
                                .setTo(Timestamp.newBuilder().setSeconds(100)).build()), Status.Code.INVALID_ARGUMENT, "after"),
                Arguments.of("history of a million samples", (Runnable) () -> fleet("commander").getPositionHistory(
                        GetPositionHistoryRequest.newBuilder().setVehicleId("mav-1-1").setFrom(Timestamp.newBuilder().setSeconds(100))
                                .setTo(Timestamp.newBuilder().setSeconds(200)).setMaxSamples(1_000_000).build()),
                        Status.Code.INVALID_ARGUMENT, "max_samples"),
                Arguments.of("history with bad nanos", (Runnable) () -> fleet("commander").getPositionHistory(
                        GetPositionHistoryRequest.newBuilder().setVehicleId("mav-1-1").setFrom(Timestamp.newBuilder().setNanos(-5))
                                .setTo(Timestamp.newBuilder().setSeconds(200)).build()), Status.Code.INVALID_ARGUMENT, "nanos"),
                Arguments.of("history for an officer", (Runnable) () -> fleet("officer").getPositionHistory(
                        GetPositionHistoryRequest.newBuilder().setVehicleId("mav-1-1").build()),
                        Status.Code.PERMISSION_DENIED, "GetPositionHistory"),
                Arguments.of("import garbage", (Runnable) () -> missions().importMission(ImportMissionRequest.newBuilder()
                        .setQgcPlanJson("{not json").build()), Status.Code.INVALID_ARGUMENT, ""),
                Arguments.of("self-intersecting zone", (Runnable) () -> zones().createZone(CreateZoneRequest.newBuilder().setZone(
                        GeofenceZone.newBuilder().setZoneId("z-bow").setPolygon(bowTie()).setKind(GeofenceZoneKind.GEOFENCE_ZONE_KIND_EXCLUSION)
                                .setCategory(GeofenceCategory.GEOFENCE_CATEGORY_PRISON)).build()), Status.Code.INVALID_ARGUMENT, ""),
                Arguments.of("zone without a kind", (Runnable) () -> zones().createZone(CreateZoneRequest.newBuilder().setZone(
                        GeofenceZone.newBuilder().setZoneId("z-kind").setPolygon(Polygon.newBuilder().addOuter(p(51.50, -0.13))
                                .addOuter(p(51.51, -0.13)).addOuter(p(51.51, -0.12)))
                                .setCategory(GeofenceCategory.GEOFENCE_CATEGORY_PRISON)).build()), Status.Code.INVALID_ARGUMENT, "kind"),
                Arguments.of("unknown zone", (Runnable) () -> zones().getZone(GetZoneRequest.newBuilder().setZoneId("z-none").build()),
                        Status.Code.NOT_FOUND, "z-none"),
                Arguments.of("delete an unknown zone", (Runnable) () -> zones().deleteZone(DeleteZoneRequest.newBuilder()
                        .setZoneId("z-none").build()), Status.Code.NOT_FOUND, "z-none"),
                Arguments.of("route through NaN", (Runnable) () -> zones().checkRoute(CheckRouteRequest.newBuilder()
                        .addWaypoints(RouteCheckWaypoint.newBuilder().setLatDeg(Double.NaN).setLonDeg(0).setAltRelM(50))
                        .addWaypoints(RouteCheckWaypoint.newBuilder().setLatDeg(51.5).setLonDeg(0).setAltRelM(50)).build()),
                        Status.Code.INVALID_ARGUMENT, ""),
                Arguments.of("GeoJSON that is not", (Runnable) () -> zones().importGeoJson(ImportGeoJsonRequest.newBuilder()
                        .setGeojson("[1, 2").build()), Status.Code.INVALID_ARGUMENT, ""),
                Arguments.of("stream with a negative rate", (Runnable) () -> drain(TelemetryServiceGrpc.newBlockingStub(channel)
                        .streamVehicleStates(StreamVehicleStatesRequest.newBuilder().setMaxRateHz(-1).build())),
                        Status.Code.INVALID_ARGUMENT, "max_rate_hz"),
                Arguments.of("stream in an inside-out box", (Runnable) () -> drain(TelemetryServiceGrpc.newBlockingStub(channel)
                        .streamVehicleStates(StreamVehicleStatesRequest.newBuilder().setArea(BoundingBox.newBuilder()
                                .setSouthLatDeg(52).setNorthLatDeg(51).setWestLonDeg(0).setEastLonDeg(1)).build())),
                        Status.Code.INVALID_ARGUMENT, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void eachMistakeGetsItsStatusAndTheServerKeepsServing(String name, Runnable call, Status.Code code, String mentions) {
        GrpcAssert.assertStatus(call::run, code, mentions);
        assertThat(fleet("commander").listVehicles(ListVehiclesRequest.getDefaultInstance()).getVehiclesList()).hasSize(1);
    }

    static List<Arguments> refusalsOnALiveVehicle() {
        var bobFleet = (java.util.function.Supplier<FleetServiceGrpc.FleetServiceBlockingStub>)
                () -> as(FleetServiceGrpc.newBlockingStub(channel), "bob", "pilot");
        var bobMissions = (java.util.function.Supplier<MissionServiceGrpc.MissionServiceBlockingStub>)
                () -> as(MissionServiceGrpc.newBlockingStub(channel), "bob", "pilot");
        var aliceMissions = (java.util.function.Supplier<MissionServiceGrpc.MissionServiceBlockingStub>)
                () -> as(MissionServiceGrpc.newBlockingStub(channel), "alice", "pilot");
        return List.of(
                // someone else's lease: FAILED_PRECONDITION naming the holder, on every RPC that needs it
                Arguments.of("lease held by alice", (Runnable) () -> bobFleet.get().acquireControl(AcquireControlRequest
                        .newBuilder().setVehicleId(drone).setTtlS(60).build()), Status.Code.FAILED_PRECONDITION, "alice"),
                Arguments.of("command without the lease", (Runnable) () -> bobFleet.get().sendCommand(SendCommandRequest.newBuilder()
                        .setCommandId("bob-1").setVehicleId(drone).setHold(SendCommandRequest.Hold.getDefaultInstance()).build()),
                        Status.Code.FAILED_PRECONDITION, "alice"),
                Arguments.of("fence without the lease", (Runnable) () -> bobFleet.get().uploadFence(UploadFenceRequest.newBuilder()
                        .setVehicleId(drone).build()), Status.Code.FAILED_PRECONDITION, "alice"),
                Arguments.of("mission upload without the lease", (Runnable) () -> bobMissions.get().uploadMission(
                        UploadMissionRequest.newBuilder().setMissionId(approvedMission).build()), Status.Code.FAILED_PRECONDITION, "alice"),
                Arguments.of("release a lease not held", (Runnable) () -> bobFleet.get().releaseControl(ReleaseControlRequest
                        .newBuilder().setVehicleId(drone).build()), Status.Code.FAILED_PRECONDITION, "does not hold"),
                // a state the lifecycle does not allow: FAILED_PRECONDITION naming the state
                Arguments.of("start a draft", (Runnable) () -> aliceMissions.get().startMission(StartMissionRequest.newBuilder()
                        .setMissionId(draftMission).build()), Status.Code.FAILED_PRECONDITION, "DRAFT"),
                Arguments.of("upload a draft", (Runnable) () -> aliceMissions.get().uploadMission(UploadMissionRequest.newBuilder()
                        .setMissionId(draftMission).build()), Status.Code.FAILED_PRECONDITION, "DRAFT"),
                Arguments.of("approve twice", (Runnable) () -> aliceMissions.get().approveMission(ApproveMissionRequest.newBuilder()
                        .setMissionId(approvedMission).build()), Status.Code.FAILED_PRECONDITION, "APPROVED"),
                Arguments.of("pause a mission that is not flying", (Runnable) () -> aliceMissions.get().pauseMission(
                        PauseMissionRequest.newBuilder().setMissionId(approvedMission).build()), Status.Code.FAILED_PRECONDITION, "APPROVED"),
                Arguments.of("resume a mission that is not paused", (Runnable) () -> aliceMissions.get().resumeMission(
                        ResumeMissionRequest.newBuilder().setMissionId(approvedMission).build()), Status.Code.FAILED_PRECONDITION, "APPROVED"),
                // required fields are checked by name, never left to a NullPointerException
                Arguments.of("mission without a vehicle id", (Runnable) () -> aliceMissions.get().createMission(CreateMissionRequest
                        .newBuilder().setCruiseSpeedMS(8).build()), Status.Code.INVALID_ARGUMENT, "vehicle_id"),
                Arguments.of("mission without a route", (Runnable) () -> aliceMissions.get().createMission(CreateMissionRequest
                        .newBuilder().setVehicleId(drone).setCruiseSpeedMS(8).build()), Status.Code.INVALID_ARGUMENT, "route"),
                Arguments.of("export of an empty plan", (Runnable) () -> aliceMissions.get().exportMission(ExportMissionRequest
                        .newBuilder().setFormat(ExportFormat.EXPORT_FORMAT_KML).build()), Status.Code.INVALID_ARGUMENT, "routes"),
                Arguments.of("vehicles of type 99", (Runnable) () -> fleet("pilot").listVehicles(ListVehiclesRequest.newBuilder()
                        .addTypesValue(99).build()), Status.Code.INVALID_ARGUMENT, "types"),
                Arguments.of("vehicle without an id", (Runnable) () -> fleet("pilot").getVehicle(GetVehicleRequest
                        .getDefaultInstance()), Status.Code.INVALID_ARGUMENT, "vehicle_id"),
                // unknown ids on streams: NOT_FOUND before anything is sent
                Arguments.of("progress of an unknown mission", (Runnable) () -> as(MissionServiceGrpc.newBlockingStub(channel),
                        "alice", "pilot").streamMissionProgress(StreamMissionProgressRequest.newBuilder().setMissionId("m-nope")
                        .build()).hasNext(), Status.Code.NOT_FOUND, "m-nope"),
                Arguments.of("lease changes of an unknown vehicle", (Runnable) () -> fleet("pilot").streamControlChanges(
                        StreamControlChangesRequest.newBuilder().addVehicleIds("mav-1-99").build()).hasNext(),
                        Status.Code.NOT_FOUND, "mav-1-99"),
                Arguments.of("events above CRITICAL", (Runnable) () -> TelemetryServiceGrpc.newBlockingStub(channel)
                        .streamEvents(StreamEventsRequest.newBuilder().setMinSeverityValue(7).build()).hasNext(),
                        Status.Code.INVALID_ARGUMENT, "min_severity"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusalsOnALiveVehicle")
    void eachRefusalGoesThroughTheOneStatusMap(String name, Runnable call, Status.Code code, String mentions) {
        GrpcAssert.assertStatus(call::run, code, mentions);
        assertThat(fleet("commander").listVehicles(ListVehiclesRequest.getDefaultInstance()).getVehiclesList()).hasSize(1);
    }
}
