package org.skyfleet.server.aircraft;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.proto.v1.AircraftServiceGrpc;
import org.skyfleet.proto.v1.AirframeBindingSource;
import org.skyfleet.proto.v1.AirframeProfile;
import org.skyfleet.proto.v1.AirframeType;
import org.skyfleet.proto.v1.BindVehicleAirframeRequest;
import org.skyfleet.proto.v1.CreateAirframeProfileRequest;
import org.skyfleet.proto.v1.DeleteAirframeProfileRequest;
import org.skyfleet.proto.v1.ListAirframeProfilesRequest;
import org.skyfleet.proto.v1.ListVehicleAirframesRequest;
import org.skyfleet.proto.v1.UpdateAirframeProfileRequest;
import org.skyfleet.proto.v1.VehicleAirframe;
import org.skyfleet.server.Await;
import org.skyfleet.server.GrpcAssert;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.SimulationConfig;

/**
 * Airframe profiles over the real wire: a pilot keeps them, impossible figures are refused whole, a simulated
 * PX4 drone is bound to its profile by its own AUTOPILOT_VERSION, an operator's binding wins, and every change
 * is in the audit journal.
 */
class AirframeProfilesEndToEndTest {
    /** What the simulator's PX4 reports in AUTOPILOT_VERSION (vendor 0x26ac, product 0x11: an fmu-v5). */
    private static final int PX4_VENDOR = 0x26ac;
    private static final int FMU_V5 = 0x11;

    private static SkyfleetServer server;
    private static Simulation sim;
    private static ManagedChannel channel;

    @BeforeAll
    static void start() throws Exception {
        server = SkyfleetServer.start(ServerConfig.ephemeral(), InstantSource.system());
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
    }

    @AfterAll
    static void stop() {
        if (sim != null) {
            sim.close();
        }
        channel.shutdownNow();
        server.close();
    }

    private static AircraftServiceGrpc.AircraftServiceBlockingStub as(String subject, String role) {
        return AircraftServiceGrpc.newBlockingStub(channel).withInterceptors(
                MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers(subject, role)));
    }

    private static AirframeProfile.Builder x500() {
        return AirframeProfile.newBuilder().setProfileId("x500-thermal").setModel("Holybro X500 v2")
                .setType(AirframeType.AIRFRAME_TYPE_MULTICOPTER).setCruiseSpeedMS(8).setMaxSpeedMS(15).setClimbRateMS(3)
                .setRatedEnduranceS(600).setWindLimitMS(10).setPayload("640 px thermal, 13 mm").setAutopilot("PX4 1.14")
                .setAutopilotVendorId(PX4_VENDOR).setAutopilotProductId(FMU_V5);
    }

    @Test
    void aPilotKeepsProfilesImpossibleFiguresAreRefusedWholeAndADroneIdentifiesItself() throws Exception {
        var pilot = as("pat", "pilot");

        // impossible figures: every one named, nothing stored
        GrpcAssert.assertStatus(() -> pilot.createAirframeProfile(CreateAirframeProfileRequest.newBuilder()
                .setProfile(x500().setRatedEnduranceS(0).setCruiseSpeedMS(-1)).build()), Status.Code.INVALID_ARGUMENT,
                "rated endurance 0.0 s must be above 0");
        GrpcAssert.assertStatus(() -> pilot.createAirframeProfile(CreateAirframeProfileRequest.newBuilder()
                .setProfile(x500().setCruiseSpeedMS(-1)).build()), Status.Code.INVALID_ARGUMENT, "cruise speed -1.0 m/s must be above 0");
        GrpcAssert.assertStatus(() -> pilot.createAirframeProfile(CreateAirframeProfileRequest.newBuilder()
                .setProfile(x500().clearType()).build()), Status.Code.INVALID_ARGUMENT, "type is required");
        assertThat(pilot.listAirframeProfiles(ListAirframeProfilesRequest.getDefaultInstance()).getProfilesList()).isEmpty();
        // an officer keeps no aircraft records
        GrpcAssert.assertStatus(() -> as("olly", "officer").createAirframeProfile(CreateAirframeProfileRequest.newBuilder()
                .setProfile(x500()).build()), Status.Code.PERMISSION_DENIED, "");

        AirframeProfile created = pilot.createAirframeProfile(CreateAirframeProfileRequest.newBuilder().setProfile(x500()).build())
                .getProfile();
        assertThat(created).isEqualTo(x500().build());
        GrpcAssert.assertStatus(() -> pilot.createAirframeProfile(CreateAirframeProfileRequest.newBuilder().setProfile(x500()).build()),
                Status.Code.ALREADY_EXISTS, "already exists");
        GrpcAssert.assertStatus(() -> pilot.updateAirframeProfile(UpdateAirframeProfileRequest.newBuilder()
                .setProfile(x500().setProfileId("nope")).build()), Status.Code.NOT_FOUND, "'nope' does not exist");
        GrpcAssert.assertStatus(() -> pilot.bindVehicleAirframe(BindVehicleAirframeRequest.newBuilder().setVehicleId("drone-9")
                .setProfileId("m30t").build()), Status.Code.NOT_FOUND, "airframe profile 'm30t' does not exist");

        // a PX4 drone connects: the link asks for AUTOPILOT_VERSION, and its ids bind it to the profile that names them
        sim = Simulation.start(SimulationConfig.around(new InetSocketAddress("127.0.0.1", server.mavlinkAddress().getPort()),
                51.5, -0.12, 1, 0, 3));
        Await.until(Duration.ofSeconds(20), "the drone bound by its autopilot", () -> !server.registry().all().isEmpty()
                && server.aircraft().airframes().profileOf(server.registry().all().get(0).vehicleId()).isPresent());
        String drone = server.registry().all().get(0).vehicleId();
        VehicleAirframe identified = vehicle(pilot, drone);
        assertThat(identified.getProfileId()).isEqualTo("x500-thermal");
        assertThat(identified.getModel()).isEqualTo("Holybro X500 v2");
        assertThat(identified.getSource()).isEqualTo(AirframeBindingSource.AIRFRAME_BINDING_SOURCE_AUTOPILOT_VERSION);

        // an operator's binding wins over the autopilot's, and a bound profile cannot be deleted
        pilot.createAirframeProfile(CreateAirframeProfileRequest.newBuilder().setProfile(x500().setProfileId("x500-zoom")
                .setAutopilotVendorId(0).setAutopilotProductId(0).setPayload("30x zoom")).build());
        pilot.bindVehicleAirframe(BindVehicleAirframeRequest.newBuilder().setVehicleId(drone).setProfileId("x500-zoom").build());
        assertThat(server.aircraft().airframes().identify(drone, PX4_VENDOR, FMU_V5)).isEmpty();
        VehicleAirframe bound = vehicle(as("cmdr", "commander"), drone);
        assertThat(bound.getProfileId()).isEqualTo("x500-zoom");
        assertThat(bound.getBoundBy()).isEqualTo("pat (pilot)");
        GrpcAssert.assertStatus(() -> pilot.deleteAirframeProfile(DeleteAirframeProfileRequest.newBuilder()
                .setProfileId("x500-zoom").build()), Status.Code.PERMISSION_DENIED, "");
        GrpcAssert.assertStatus(() -> as("ada", "admin").deleteAirframeProfile(DeleteAirframeProfileRequest.newBuilder()
                .setProfileId("x500-zoom").build()), Status.Code.FAILED_PRECONDITION, "is flown by " + drone);
        as("ada", "admin").deleteAirframeProfile(DeleteAirframeProfileRequest.newBuilder().setProfileId("x500-thermal").build());

        // a pilot's plan for it flies its profile: its speed where none was given, never more than the 70 % of
        // the rating it may count on; a plan that does not fit is refused saying what the battery was taken to be
        var missions = org.skyfleet.proto.v1.MissionServiceGrpc.newBlockingStub(channel).withInterceptors(
                MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("pat", "pilot")));
        var live = server.registry().find(drone).orElseThrow().position();
        java.util.function.DoubleFunction<org.skyfleet.proto.v1.PlanMissionRequest> square = sideM -> {
            double dLat = sideM / 2 / 111_320.0;
            double dLon = sideM / 2 / (111_320.0 * Math.cos(Math.toRadians(live.latDeg())));
            var area = org.skyfleet.proto.v1.Polygon.newBuilder();
            for (double[] c : new double[][] {{-1, -1}, {-1, 1}, {1, 1}, {1, -1}}) {
                area.addOuter(org.skyfleet.proto.v1.GeoPoint.newBuilder().setLatDeg(live.latDeg() + c[0] * dLat)
                        .setLonDeg(live.lonDeg() + c[1] * dLon));
            }
            return org.skyfleet.proto.v1.PlanMissionRequest.newBuilder().setPattern(org.skyfleet.proto.v1.MissionPattern.MISSION_PATTERN_COVERAGE)
                    .setArea(area).setCamera(org.skyfleet.proto.v1.CameraModel.newBuilder().setHFovDeg(70).setAltitudeAglM(60)
                            .setSideOverlapPercent(20))
                    .addVehicles(org.skyfleet.proto.v1.VehicleProfile.newBuilder().setVehicleId(drone).setEnduranceS(3600)).build();
        };
        var small = missions.planMission(square.apply(150)).getPlan();
        assertThat(small.getRoutes(0).getAvailableS()).isLessThanOrEqualTo(420.0);
        assertThat(small.getWarningsList()).extracting(org.skyfleet.proto.v1.Violation::getMessage)
                .anySatisfy(m -> assertThat(m).contains("70 % of the 600 s rated for x500-zoom"))
                .anySatisfy(m -> assertThat(m).contains("planned with 420 s a full pack, not the 3600 s asked"));
        GrpcAssert.assertStatus(() -> missions.planMission(square.apply(1500)), Status.Code.FAILED_PRECONDITION,
                "420 s a full pack, 70 % of the 600 s rated for x500-zoom");
        var tooFast = square.apply(150).toBuilder();
        tooFast.setVehicles(0, tooFast.getVehicles(0).toBuilder().setCruiseSpeedMS(20));
        GrpcAssert.assertStatus(() -> missions.planMission(tooFast.build()), Status.Code.INVALID_ARGUMENT,
                "cruise speed 20.0 m/s is above the 15.0 m/s top speed of its airframe profile x500-zoom");

        assertThat(server.audit().entries()).extracting(e -> e.action() + " " + e.actor())
                .contains("airframe profile create pat (pilot)", "airframe bind autopilot", "airframe bind pat (pilot)",
                        "airframe profile delete ada (admin)");
    }

    private static VehicleAirframe vehicle(AircraftServiceGrpc.AircraftServiceBlockingStub stub, String vehicleId) {
        return stub.listVehicleAirframes(ListVehicleAirframesRequest.getDefaultInstance()).getVehiclesList().stream()
                .filter(v -> v.getVehicleId().equals(vehicleId)).findFirst().orElseThrow();
    }
}
