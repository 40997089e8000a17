package org.skyfleet.server.mission;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.awt.geom.Line2D;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skyfleet.proto.v1.Airspace;
import org.skyfleet.proto.v1.AirspaceZone;
import org.skyfleet.proto.v1.CameraModel;
import org.skyfleet.proto.v1.ExportFormat;
import org.skyfleet.proto.v1.ExportMissionRequest;
import org.skyfleet.proto.v1.GeoPoint;
import org.skyfleet.proto.v1.ImportMissionRequest;
import org.skyfleet.proto.v1.MissionPattern;
import org.skyfleet.proto.v1.MissionServiceGrpc;
import org.skyfleet.proto.v1.Plan;
import org.skyfleet.proto.v1.PlanMissionRequest;
import org.skyfleet.proto.v1.Polygon;
import org.skyfleet.proto.v1.ValidateMissionRequest;
import org.skyfleet.proto.v1.VehicleProfile;
import org.skyfleet.proto.v1.Waypoint;
import org.skyfleet.server.Await;
import org.skyfleet.server.GrpcAssert;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.SimulationConfig;

/** MissionService through a real server, with a simulated drone whose live state fills the gaps. */
class MissionServiceTest {
    private static final double LAT = 51.5034;
    private static final double LON = -0.1276;
    private static SkyfleetServer server;
    private static Simulation sim;
    private static ManagedChannel channel;
    private static MissionServiceGrpc.MissionServiceBlockingStub missions;
    private static String droneId;

    @BeforeAll
    static void start() throws Exception {
        server = SkyfleetServer.start(ServerConfig.ephemeral(), InstantSource.system());
        sim = Simulation.start(SimulationConfig.around(new InetSocketAddress("127.0.0.1", server.mavlinkAddress().getPort()),
                LAT, LON, 1, 0, 11));
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
        missions = MissionServiceGrpc.newBlockingStub(channel).withInterceptors(io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(org.skyfleet.server.grpc.CallerInterceptor.headers("pam", "pilot")));
        Await.until(Duration.ofSeconds(20), "the drone's position and battery",
                () -> server.registry().all().stream().anyMatch(s -> s.position() != null && s.battery() != null));
        droneId = server.registry().all().get(0).vehicleId();
    }

    @AfterAll
    static void stop() {
        channel.shutdownNow();
        sim.close();
        server.close();
    }

    private static GeoPoint at(double northM, double eastM) {
        return GeoPoint.newBuilder().setLatDeg(LAT + northM / 111_320.0)
                .setLonDeg(LON + eastM / (111_320.0 * Math.cos(Math.toRadians(LAT)))).build();
    }

    private static Polygon square(double southM, double westM, double sideM) {
        return Polygon.newBuilder().addOuter(at(southM, westM)).addOuter(at(southM, westM + sideM))
                .addOuter(at(southM + sideM, westM + sideM)).addOuter(at(southM + sideM, westM)).build();
    }

    private static PlanMissionRequest.Builder coverage(Polygon area, double enduranceS) {
        return PlanMissionRequest.newBuilder().setPattern(MissionPattern.MISSION_PATTERN_COVERAGE).setArea(area)
                .setCamera(CameraModel.newBuilder().setHFovDeg(70).setAltitudeAglM(60).setSideOverlapPercent(20))
                .addVehicles(VehicleProfile.newBuilder().setVehicleId(droneId).setCruiseSpeedMS(10).setClimbRateMS(3)
                        .setEnduranceS(enduranceS));
    }

    @Test
    void coveragePlanFromTheDronesLiveStateCoversTheArea() {
        Plan plan = missions.planMission(coverage(square(-500, -500, 1000), 3600).build()).getPlan();

        assertThat(plan.getRoutesList()).singleElement().satisfies(r -> {
            assertThat(r.getVehicleId()).isEqualTo(droneId);
            assertThat(r.getWaypointsCount()).isGreaterThan(10);
            assertThat(r.getRequiredS()).isLessThanOrEqualTo(r.getAvailableS());
        });
        assertThat(plan.getMetrics().getCoverageRatio()).isGreaterThan(0.99);
        assertThat(plan.getSweepWidthM()).isBetween(60.0, 80.0);
        // The drone starts where it is flying now, not at a made-up point.
        Waypoint first = plan.getRoutes(0).getWaypoints(0);
        var live = server.registry().find(droneId).orElseThrow().position();
        assertThat(Math.abs(first.getLatDeg() - live.latDeg())).isLessThan(0.002);
    }

    @Test
    void aLegThroughANoFlyZoneIsRoutedAroundAndTheRouteValidates() {
        Polygon noFly = square(100, 100, 200);
        Airspace airspace = Airspace.newBuilder().addExclusions(AirspaceZone.newBuilder().setName("stadium")
                .setPolygon(noFly).setFloorAltRelM(0).setCeilingAltRelM(500)).build();
        PlanMissionRequest request = coverage(square(-500, -500, 1000), 3600).setAirspace(airspace).build();
        request = request.toBuilder().setVehicles(0, request.getVehicles(0).toBuilder()
                .setStart(at(-480, -480)).setHome(at(-480, -480))).build();
        Plan plan = missions.planMission(request).getPlan();

        List<Waypoint> route = plan.getRoutes(0).getWaypointsList();
        for (int i = 1; i < route.size(); i++) {
            assertThat(crossesSquare(route.get(i - 1), route.get(i), noFly)).as("leg %d", i).isFalse();
        }
        var check = missions.validateMission(ValidateMissionRequest.newBuilder().addAllRoute(route).setAirspace(airspace).build());
        assertThat(check.getFlyable()).isTrue();
        // The straight line through the zone is not.
        var straight = missions.validateMission(ValidateMissionRequest.newBuilder()
                .addRoute(Waypoint.newBuilder().setLatDeg(at(0, 200).getLatDeg()).setLonDeg(at(0, 200).getLonDeg()).setAltRelM(60))
                .addRoute(Waypoint.newBuilder().setLatDeg(at(400, 200).getLatDeg()).setLonDeg(at(400, 200).getLonDeg()).setAltRelM(60))
                .setAirspace(airspace).build());
        assertThat(straight.getFlyable()).isFalse();
        assertThat(straight.getViolationsList()).anySatisfy(v -> assertThat(v.getMessage()).contains("stadium"));
    }

    @Test
    void exportsRoundTripThroughQgroundcontrolAndProduceMavlinkItems() {
        Plan plan = missions.planMission(coverage(square(-300, -300, 600), 3600).build()).getPlan();

        var items = missions.exportMission(ExportMissionRequest.newBuilder().setPlan(plan)
                .setFormat(ExportFormat.EXPORT_FORMAT_MAVLINK_ITEMS).setCruiseSpeedMS(10).build()).getItemsList();
        assertThat(items).extracting(i -> i.getSeq()).startsWith(0, 1, 2);
        assertThat(items).anySatisfy(i -> assertThat(i.getCommand()).isEqualTo(22));  // NAV_TAKEOFF
        assertThat(items).anySatisfy(i -> assertThat(i.getCommand()).isEqualTo(16));  // NAV_WAYPOINT

        String qgc = missions.exportMission(ExportMissionRequest.newBuilder().setPlan(plan)
                .setFormat(ExportFormat.EXPORT_FORMAT_QGC_PLAN).setCruiseSpeedMS(10).build()).getText();
        var back = missions.importMission(ImportMissionRequest.newBuilder().setQgcPlanJson(qgc).build());
        assertThat(back.getWaypointsCount()).isGreaterThanOrEqualTo(plan.getRoutes(0).getWaypointsCount() - 2);

        assertThat(missions.exportMission(ExportMissionRequest.newBuilder().setPlan(plan)
                .setFormat(ExportFormat.EXPORT_FORMAT_KML).build()).getText()).contains("<kml", "<coordinates>");
        assertThat(missions.exportMission(ExportMissionRequest.newBuilder().setPlan(plan)
                .setFormat(ExportFormat.EXPORT_FORMAT_GEOJSON).build()).getText()).contains("FeatureCollection");
    }

    @Test
    void badRequestsGetPreciseStatusesThatSayWhatToFix() {
        Polygon bowtie = Polygon.newBuilder().addOuter(at(0, 0)).addOuter(at(500, 500)).addOuter(at(0, 500))
                .addOuter(at(500, 0)).build();
        assertStatus(coverage(bowtie, 3600).build(), Status.Code.INVALID_ARGUMENT, "");
        assertStatus(coverage(square(-500, -500, 1000), 3600).setCamera(CameraModel.newBuilder().setHFovDeg(70)
                .setAltitudeAglM(-5)).build(), Status.Code.INVALID_ARGUMENT, "");
        assertStatus(coverage(square(-500, -500, 1000), 120).build(), Status.Code.FAILED_PRECONDITION, "needs");
        assertStatus(coverage(square(0, 0, 50_000), 3600).build(), Status.Code.RESOURCE_EXHAUSTED, "");
        assertStatus(PlanMissionRequest.newBuilder(coverage(square(-500, -500, 1000), 3600).build()).clearVehicles()
                .addVehicles(VehicleProfile.newBuilder().setVehicleId("ghost").setCruiseSpeedMS(10).setEnduranceS(3600))
                .build(), Status.Code.NOT_FOUND, "ghost");
        assertStatus(PlanMissionRequest.getDefaultInstance(), Status.Code.INVALID_ARGUMENT, "pattern");
        GrpcAssert.assertStatus(() -> missions.importMission(ImportMissionRequest.newBuilder().setQgcPlanJson("{not json").build()),
                Status.Code.INVALID_ARGUMENT, "");
        // Still serving.
        assertThat(missions.planMission(coverage(square(-200, -200, 400), 3600).build()).getPlan().getRoutesCount()).isEqualTo(1);
    }

    private static void assertStatus(PlanMissionRequest request, Status.Code code, String says) {
        GrpcAssert.assertStatus(() -> missions.planMission(request), code, says);
    }

    private static boolean crossesSquare(Waypoint a, Waypoint b, Polygon square) {
        double s = square.getOuter(0).getLatDeg();
        double w = square.getOuter(0).getLonDeg();
        double n = square.getOuter(2).getLatDeg();
        double e = square.getOuter(2).getLonDeg();
        Line2D leg = new Line2D.Double(a.getLonDeg(), a.getLatDeg(), b.getLonDeg(), b.getLatDeg());
        return leg.intersects(w, s, e - w, n - s);
    }
}
