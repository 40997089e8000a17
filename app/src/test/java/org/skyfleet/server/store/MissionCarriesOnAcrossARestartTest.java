package org.skyfleet.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyfleet.fleet.geofence.AltitudeBand;
import org.skyfleet.fleet.geofence.Zone;
import org.skyfleet.fleet.geofence.ZoneCategory;
import org.skyfleet.fleet.geofence.ZoneKind;
import org.skyfleet.fleet.geofence.ZoneShape;
import org.skyfleet.fleet.store.jdbc.JdbcStore;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.proto.v1.ApproveMissionRequest;
import org.skyfleet.proto.v1.StartMissionRequest;
import org.skyfleet.proto.v1.UploadMissionRequest;
import org.skyfleet.proto.v1.AcquireControlRequest;
import org.skyfleet.proto.v1.CommandResult;
import org.skyfleet.proto.v1.CreateMissionRequest;
import org.skyfleet.proto.v1.FleetServiceGrpc;
import org.skyfleet.proto.v1.GetMissionRequest;
import org.skyfleet.proto.v1.GetPositionHistoryRequest;
import org.skyfleet.proto.v1.ListTracksRequest;
import org.skyfleet.proto.v1.Mission;
import org.skyfleet.proto.v1.MissionServiceGrpc;
import org.skyfleet.proto.v1.MissionState;
import org.skyfleet.proto.v1.PositionHistorySample;
import org.skyfleet.proto.v1.ReportSightingRequest;
import org.skyfleet.proto.v1.SendCommandRequest;
import org.skyfleet.proto.v1.SightingServiceGrpc;
import org.skyfleet.proto.v1.SightingSource;
import org.skyfleet.proto.v1.TargetClass;
import org.skyfleet.proto.v1.Track;
import org.skyfleet.proto.v1.TrackState;
import org.skyfleet.server.Await;
import org.skyfleet.server.LongRoute;
import org.skyfleet.server.automation.AutomationConfig;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.simulator.Simulation;

/**
 * A drone flies a mission over the real wire while the server is stopped and started again on its
 * embedded store and the same MAVLink port: the mission is back FLYING with the progress it had, picks
 * up the vehicle's progress when the link returns and completes; the zone, the confirmed track (same
 * id, and it goes on fusing) and the position history from before the restart are there.
 */
class MissionCarriesOnAcrossARestartTest {

    @TempDir
    Path dataDir;

    private static <S extends io.grpc.stub.AbstractStub<S>> S as(S stub, String subject, String role) {
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers(subject, role)));
    }

    private static int freeUdpPort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            return s.getLocalPort();
        }
    }

    private SkyfleetServer start(int mavlinkPort) throws Exception {
        return SkyfleetServer.start(ServerConfig.ephemeral().withMavlink("127.0.0.1", mavlinkPort, 1),
                AutomationConfig.defaults(), JdbcStore.openEmbedded(dataDir), InstantSource.system());
    }

    private static ReportSightingRequest officerSaw(String id, double northM) {
        return ReportSightingRequest.newBuilder().setSightingId(id).setSource(SightingSource.SIGHTING_SOURCE_OFFICER)
                .setSourceId("pc-101").setPosition(org.skyfleet.proto.v1.GeoPoint.newBuilder()
                        .setLatDeg(51.51 + northM / 111_320.0).setLonDeg(-0.13)).setSigmaM(10)
                .setTargetClass(TargetClass.TARGET_CLASS_PERSON).setConfidence(0.95).build();
    }

    @Test
    void aFlyingMissionItsZoneItsTrackAndItsHistoryCarryOnAfterARestart() throws Exception {
        int port = freeUdpPort();
        Zone stadium = new Zone("z-stadium", "Stadium", new ZoneShape.Circle(new GeoPoint(51.52, -0.10), 300),
                ZoneKind.EXCLUSION, AltitudeBand.unlimited(), null, ZoneCategory.CROWD_EVENT, null, null);
        String missionId;
        String trackId;
        Instant flightStart = Instant.now();
        int doneBefore;
        Simulation sim;
        String drone;
        try (SkyfleetServer first = start(port)) {
            sim = Simulation.start(LongRoute.scenario(), new InetSocketAddress("127.0.0.1", port));
            Await.until(Duration.ofSeconds(30), "the drone with a home position",
                    () -> first.registry().all().stream().anyMatch(s -> s.home() != null));
            drone = first.registry().all().get(0).vehicleId();
            first.geofences().save(stadium);
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", first.grpcPort()).usePlaintext().build();
            var fleet = as(FleetServiceGrpc.newBlockingStub(channel), "pam", "pilot");
            var missions = as(MissionServiceGrpc.newBlockingStub(channel), "pam", "pilot");
            fleet.acquireControl(AcquireControlRequest.newBuilder().setVehicleId(drone).setTtlS(600).build());
            missionId = missions.createMission(CreateMissionRequest.newBuilder().setVehicleId(drone)
                    .setRoute(LongRoute.route(drone)).setCruiseSpeedMS(8).build()).getMission().getMissionId();
            missions.approveMission(ApproveMissionRequest.newBuilder().setMissionId(missionId).build());
            missions.uploadMission(UploadMissionRequest.newBuilder().setMissionId(missionId).build());
            assertThat(fleet.sendCommand(SendCommandRequest.newBuilder().setCommandId("arm-long").setVehicleId(drone)
                    .setArm(SendCommandRequest.Arm.getDefaultInstance()).build()).getResult())
                    .isEqualTo(CommandResult.COMMAND_RESULT_ACCEPTED);
            missions.startMission(StartMissionRequest.newBuilder().setMissionId(missionId).build());
            var sightings = as(SightingServiceGrpc.newBlockingStub(channel), "pc-101", "officer");
            sightings.reportSighting(officerSaw("o-1", 0));
            trackId = sightings.reportSighting(officerSaw("o-2", 3)).getTrackId();
            Await.until(Duration.ofSeconds(30), "three items done",
                    () -> missions.getMission(GetMissionRequest.newBuilder().setMissionId(missionId).build()).getMission()
                            .getItemsDone() >= 3);
            doneBefore = missions.getMission(GetMissionRequest.newBuilder().setMissionId(missionId).build()).getMission().getItemsDone();
            channel.shutdownNow();
        }
        Instant restartedAt = Instant.now();

        try (SkyfleetServer second = start(port)) {
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", second.grpcPort()).usePlaintext().build();
            var missions = as(MissionServiceGrpc.newBlockingStub(channel), "cmdr", "commander");
            Mission back = missions.getMission(GetMissionRequest.newBuilder().setMissionId(missionId).build()).getMission();
            assertThat(back.getState()).isEqualTo(MissionState.MISSION_STATE_FLYING);
            assertThat(back.getItemsDone()).isGreaterThanOrEqualTo(doneBefore);
            assertThat(second.geofences().get("z-stadium")).contains(stadium);

            var tracks = as(SightingServiceGrpc.newBlockingStub(channel), "cmdr", "commander");
            List<Track> live = tracks.listTracks(ListTracksRequest.newBuilder().setIncludeTentative(true).build()).getTracksList();
            assertThat(live).singleElement().satisfies(t -> {
                assertThat(t.getTrackId()).isEqualTo(trackId);
                assertThat(t.getState()).isEqualTo(TrackState.TRACK_STATE_CONFIRMED);
            });
            var officer = as(SightingServiceGrpc.newBlockingStub(channel), "pc-101", "officer");
            assertThat(officer.reportSighting(officerSaw("o-2", 3)).getDuplicate()).isTrue();
            assertThat(officer.reportSighting(officerSaw("o-3", 5)).getTrackId()).isEqualTo(trackId);
            assertThat(officer.reportSighting(officerSaw("far-1", 20_000)).getTrackId()).isNotEqualTo(trackId);

            // The vehicle flew on without the ground; its progress is picked up again from the wire.
            Await.until(Duration.ofSeconds(60), "the mission to complete after the restart",
                    () -> missions.getMission(GetMissionRequest.newBuilder().setMissionId(missionId).build()).getMission()
                            .getState() == MissionState.MISSION_STATE_COMPLETED);

            var history = as(FleetServiceGrpc.newBlockingStub(channel), "cmdr", "commander");
            List<PositionHistorySample> before = history.getPositionHistory(GetPositionHistoryRequest.newBuilder()
                    .setVehicleId(drone).setFrom(ts(flightStart)).setTo(ts(restartedAt)).build()).getSamplesList();
            assertThat(before).hasSizeGreaterThanOrEqualTo(3);
            for (int i = 1; i < before.size(); i++) {
                assertThat(before.get(i).getTime().getSeconds() * 1_000_000_000L + before.get(i).getTime().getNanos()
                        - before.get(i - 1).getTime().getSeconds() * 1_000_000_000L - before.get(i - 1).getTime().getNanos())
                        .isGreaterThanOrEqualTo(1_000_000_000L);
            }
            assertThat(before).anySatisfy(s -> assertThat(s.getLatDeg()).isGreaterThan(LongRoute.HOME_LAT + 50 / 111_320.0));
            channel.shutdownNow();
        } finally {
            sim.close();
        }
    }

    private static Timestamp ts(Instant t) {
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    }
}
