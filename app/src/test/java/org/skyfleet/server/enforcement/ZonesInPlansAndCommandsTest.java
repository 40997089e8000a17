package org.skyfleet.server.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skyfleet.server.GrpcAssert.assertStatus;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.awt.geom.Line2D;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.geofence.AltitudeBand;
import org.skyfleet.fleet.geofence.BreachPolicy;
import org.skyfleet.fleet.geofence.Zone;
import org.skyfleet.fleet.geofence.ZoneApplicability;
import org.skyfleet.fleet.geofence.ZoneCategory;
import org.skyfleet.fleet.geofence.ZoneKind;
import org.skyfleet.fleet.geofence.ZoneShape;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.proto.v1.AbortMissionRequest;
import org.skyfleet.proto.v1.ApproveMissionRequest;
import org.skyfleet.proto.v1.UploadMissionRequest;
import org.skyfleet.proto.v1.AcquireControlRequest;
import org.skyfleet.proto.v1.CreateMissionRequest;
import org.skyfleet.proto.v1.DeleteZoneRequest;
import org.skyfleet.proto.v1.GeofenceServiceGrpc;
import org.skyfleet.proto.v1.UploadFenceRequest;
import org.skyfleet.proto.v1.VehicleRoute;
import org.skyfleet.proto.v1.WaypointAction;
import org.skyfleet.proto.v1.CameraModel;
import org.skyfleet.proto.v1.FleetServiceGrpc;
import org.skyfleet.proto.v1.GeoPosition;
import org.skyfleet.proto.v1.MissionPattern;
import org.skyfleet.proto.v1.MissionServiceGrpc;
import org.skyfleet.proto.v1.PlanMissionRequest;
import org.skyfleet.proto.v1.Polygon;
import org.skyfleet.proto.v1.SendCommandRequest;
import org.skyfleet.proto.v1.VehicleProfile;
import org.skyfleet.proto.v1.Waypoint;
import org.skyfleet.server.Await;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.SimulationConfig;

/** A no-fly zone of the geofence service reroutes plans and refuses commands that would enter it. */
class ZonesInPlansAndCommandsTest {
    private static final double LAT = 51.5034;
    private static final double LON = -0.1276;
    private static SkyfleetServer server;
    private static Simulation sim;
    private static ManagedChannel channel;
    private static String droneId;

    @BeforeAll
    static void start() throws Exception {
        server = SkyfleetServer.start(ServerConfig.ephemeral(), InstantSource.system());
        sim = Simulation.start(SimulationConfig.around(new InetSocketAddress("127.0.0.1", server.mavlinkAddress().getPort()),
                LAT, LON, 1, 0, 21));
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
        Await.until(Duration.ofSeconds(20), "the drone", () -> server.registry().all().stream().anyMatch(s -> s.home() != null));
        droneId = server.registry().all().get(0).vehicleId();
        server.geofences().save(new Zone("z-stadium", "stadium", new ZoneShape.Circle(at(0, 150), 60), ZoneKind.EXCLUSION,
                AltitudeBand.relative(0, 300), null, ZoneCategory.CROWD_EVENT, ZoneApplicability.all(), BreachPolicy.WARN));
    }

    @AfterAll
    static void stop() {
        channel.shutdownNow();
        sim.close();
        server.close();
    }

    private static GeoPoint at(double northM, double eastM) {
        return new GeoPoint(LAT + northM / 111_320.0, LON + eastM / (111_320.0 * Math.cos(Math.toRadians(LAT))));
    }

    private static org.skyfleet.proto.v1.GeoPoint p(double northM, double eastM) {
        GeoPoint g = at(northM, eastM);
        return org.skyfleet.proto.v1.GeoPoint.newBuilder().setLatDeg(g.latDeg()).setLonDeg(g.lonDeg()).build();
    }

    @Test
    void planAcrossTheZoneIsRoutedAroundItWithoutTheRequestNamingIt() {
        var plan = MissionServiceGrpc.newBlockingStub(channel).withInterceptors(io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(org.skyfleet.server.grpc.CallerInterceptor.headers("pam", "pilot"))).planMission(PlanMissionRequest.newBuilder()
                .setPattern(MissionPattern.MISSION_PATTERN_COVERAGE)
                .setArea(Polygon.newBuilder().addOuter(p(-300, -100)).addOuter(p(-300, 400)).addOuter(p(300, 400)).addOuter(p(300, -100)))
                .setCamera(CameraModel.newBuilder().setHFovDeg(70).setAltitudeAglM(50).setSideOverlapPercent(20))
                .addVehicles(VehicleProfile.newBuilder().setVehicleId(droneId).setStart(p(-290, -90)).setHome(p(-290, -90))
                        .setCruiseSpeedMS(10).setClimbRateMS(3).setEnduranceS(3600))
                .build()).getPlan();

        List<Waypoint> route = plan.getRoutes(0).getWaypointsList();
        GeoPoint c = at(0, 150);
        double halfLat = 60 / 111_320.0;
        double halfLon = 60 / (111_320.0 * Math.cos(Math.toRadians(LAT)));
        for (int i = 1; i < route.size(); i++) {
            Line2D leg = new Line2D.Double(route.get(i - 1).getLonDeg(), route.get(i - 1).getLatDeg(),
                    route.get(i).getLonDeg(), route.get(i).getLatDeg());
            // the square inscribed in the circle: a leg through it would certainly enter the zone
            assertThat(leg.intersects(c.lonDeg() - halfLon * 0.7, c.latDeg() - halfLat * 0.7, halfLon * 1.4, halfLat * 1.4))
                    .as("leg %d crosses the stadium", i).isFalse();
        }
    }

    @Test
    void aZoneInTheFenceOfAnUploadedMissionCannotBeDeletedUntilTheMissionEnds() {
        var headers = MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("pam", "pilot"));
        var pilot = FleetServiceGrpc.newBlockingStub(channel).withInterceptors(headers);
        var missions = MissionServiceGrpc.newBlockingStub(channel).withInterceptors(headers);
        var zones = GeofenceServiceGrpc.newBlockingStub(channel).withInterceptors(
                MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("ada", "admin")));
        pilot.acquireControl(AcquireControlRequest.newBuilder().setVehicleId(droneId).build());
        server.geofences().save(new Zone("z-school", "school", new ZoneShape.Circle(at(-200, -200), 40), ZoneKind.EXCLUSION,
                AltitudeBand.relative(0, 300), null, ZoneCategory.TEMPORARY_RESTRICTION, ZoneApplicability.all(), BreachPolicy.WARN));
        assertThat(pilot.uploadFence(UploadFenceRequest.newBuilder().setVehicleId(droneId).build()).getVerified()).isTrue();
        GeoPoint a = at(100, -100);
        var route = VehicleRoute.newBuilder().setVehicleId(droneId)
                .addWaypoints(Waypoint.newBuilder().setLatDeg(a.latDeg()).setLonDeg(a.lonDeg()).setAltRelM(40)
                        .setAction(WaypointAction.WAYPOINT_ACTION_NAVIGATE)).build();
        String id = missions.createMission(CreateMissionRequest.newBuilder().setVehicleId(droneId).setRoute(route)
                .setCruiseSpeedMS(8).build()).getMission().getMissionId();
        missions.approveMission(ApproveMissionRequest.newBuilder().setMissionId(id).build());
        missions.uploadMission(UploadMissionRequest.newBuilder().setMissionId(id).build());

        assertStatus(() -> zones.deleteZone(DeleteZoneRequest.newBuilder().setZoneId("z-school").build()),
                Status.Code.FAILED_PRECONDITION, id);

        missions.abortMission(AbortMissionRequest.newBuilder().setMissionId(id).setReason("test over").build());
        zones.deleteZone(DeleteZoneRequest.newBuilder().setZoneId("z-school").build());
        assertThat(server.geofences().get("z-school")).isEmpty();
    }

    @Test
    void goToIntoTheZoneIsRefusedBeforeItReachesTheVehicle() {
        var pilot = FleetServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("pam", "pilot")));
        pilot.acquireControl(AcquireControlRequest.newBuilder().setVehicleId(droneId).build());
        GeoPoint inside = at(0, 150);

        assertStatus(() -> pilot.sendCommand(SendCommandRequest.newBuilder().setCommandId("z-1").setVehicleId(droneId)
                .setGoTo(SendCommandRequest.GoTo.newBuilder().setTarget(GeoPosition.newBuilder().setLatDeg(inside.latDeg())
                        .setLonDeg(inside.lonDeg()).setAltRelM(40))).build()), Status.Code.FAILED_PRECONDITION, "stadium");
    }
}
