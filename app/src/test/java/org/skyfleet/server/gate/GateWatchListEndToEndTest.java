package org.skyfleet.server.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.fleet.geofence.AltitudeBand;
import org.skyfleet.fleet.geofence.BreachPolicy;
import org.skyfleet.fleet.geofence.GateKind;
import org.skyfleet.fleet.geofence.Zone;
import org.skyfleet.fleet.geofence.ZoneKind;
import org.skyfleet.fleet.geofence.ZoneShape;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GeoPolygon;
import org.skyfleet.proto.v1.Gate;
import org.skyfleet.proto.v1.GateServiceGrpc;
import org.skyfleet.proto.v1.GateSubjectKind;
import org.skyfleet.proto.v1.ListGatesRequest;
import org.skyfleet.proto.v1.ListWatchedSubjectsRequest;
import org.skyfleet.proto.v1.ReportSightingRequest;
import org.skyfleet.proto.v1.SightingServiceGrpc;
import org.skyfleet.proto.v1.SightingSource;
import org.skyfleet.proto.v1.TargetClass;
import org.skyfleet.proto.v1.UnwatchSubjectRequest;
import org.skyfleet.proto.v1.WatchSubjectRequest;
import org.skyfleet.server.Await;
import org.skyfleet.server.grpc.CallerInterceptor;

/**
 * Over gRPC: a commander puts a fusion track that belongs to no incident on the watch list; walking into a
 * community's gate it raises WATCHED_SUBJECT_AT_GATE and is listed as watched, as an open incident's track would
 * be. Only a commander may change the list; only tracks and vessels go on it; taking one off twice is NOT_FOUND.
 */
class GateWatchListEndToEndTest {
    private static final double LAT = 29.8683;
    private static final double LON = 121.6147;
    private static final double M_PER_DEG = 111_320.0;
    private static SkyfleetServer server;
    private static ManagedChannel channel;

    @BeforeAll
    static void start() throws Exception {
        server = SkyfleetServer.start(ServerConfig.ephemeral(), InstantSource.system());
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
    }

    @AfterAll
    static void stop() {
        channel.shutdownNow();
        server.close();
    }

    private static GeoPoint at(double eastM, double northM) {
        return new GeoPoint(LAT + northM / M_PER_DEG, LON + eastM / (M_PER_DEG * Math.cos(Math.toRadians(LAT))));
    }

    private static GateServiceGrpc.GateServiceBlockingStub as(String subject, String role) {
        return GateServiceGrpc.newBlockingStub(channel).withInterceptors(
                MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers(subject, role)));
    }

    @Test
    void aTrackOnTheWatchListCrossingAGateIsAlertedAndListedWatched() {
        server.geofences().save(new Zone("g-community", "新城社区", new ZoneShape.Polygon(new GeoPolygon(List.of(at(-600, 0),
                at(-400, 0), at(-400, 100), at(-600, 100)), List.of())), ZoneKind.INCLUSION, AltitudeBand.unlimited(), null,
                GateKind.RESIDENTIAL_COMMUNITY.category(), null, BreachPolicy.WARN, GateKind.RESIDENTIAL_COMMUNITY));
        var officer = SightingServiceGrpc.newBlockingStub(channel).withInterceptors(
                MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("pc-8", "officer")));
        Instant start = Instant.now().minusSeconds(4);
        for (int i = 0; i <= 3; i++) {
            report(officer, i, -40 + 5 * i, start.plusSeconds(i));
        }
        Await.until(Duration.ofSeconds(10), "the track of the first sightings", () -> server.records().orElseThrow().tracks()
                .tracks().stream().anyMatch(t -> t.sightingIds().contains("wl-s-3")));
        String track = server.records().orElseThrow().tracks().tracks().stream()
                .filter(t -> t.sightingIds().contains("wl-s-3")).findFirst().orElseThrow().id();

        var listed = as("cmdr", "commander").watchSubject(WatchSubjectRequest.newBuilder()
                .setSubjectKind(GateSubjectKind.GATE_SUBJECT_KIND_TRACK).setSubjectId(track).setNote("seen near the school").build());
        assertThat(listed.getSubject().getWatchedBy()).contains("cmdr");
        assertThat(as("disp", "dispatcher").listWatchedSubjects(ListWatchedSubjectsRequest.getDefaultInstance()).getSubjectsList())
                .singleElement().satisfies(w -> {
                    assertThat(w.getSubjectId()).isEqualTo(track);
                    assertThat(w.getNote()).isEqualTo("seen near the school");
                });

        long before = server.gates().samples();
        Instant walkedOn = start.plusSeconds(11);
        Await.until(Duration.ofSeconds(20), "the track seen outside the gate, and the rest of the walk happened",
                () -> server.gates().samples() >= before + 2 && !Instant.now().isBefore(walkedOn));
        for (int i = 4; i <= 11; i++) {
            report(officer, i, -40 + 5 * i, start.plusSeconds(i));
        }
        Await.until(Duration.ofSeconds(15), "the watch list's alert", () -> server.console().alerts().since(0, 1000).changes()
                .stream().anyMatch(json -> json.contains("WATCHED_SUBJECT_AT_GATE") && json.contains(track)));
        assertThat(server.console().alerts().since(0, 1000).changes()).filteredOn(json -> json.contains("WATCHED_SUBJECT_AT_GATE"))
                .allSatisfy(json -> assertThat(json).contains("新城社区"));
        Gate community = as("cmdr", "commander").listGates(ListGatesRequest.getDefaultInstance()).getGatesList().stream()
                .filter(g -> g.getZone().getZoneId().equals("g-community")).findFirst().orElseThrow();
        assertThat(community.getLatestList()).anySatisfy(c -> {
            assertThat(c.getSubjectId()).isEqualTo(track);
            assertThat(c.getWatched()).isTrue();
            assertThat(c.getIncidentId()).isEmpty();
        });

        as("cmdr", "commander").unwatchSubject(UnwatchSubjectRequest.newBuilder()
                .setSubjectKind(GateSubjectKind.GATE_SUBJECT_KIND_TRACK).setSubjectId(track).build());
        assertThat(as("cmdr", "commander").listWatchedSubjects(ListWatchedSubjectsRequest.getDefaultInstance()).getSubjectsList()).isEmpty();
        assertThat(server.audit().entries()).filteredOn(e -> e.vehicleId().equals("TRACK " + track))
                .extracting(e -> e.action()).containsExactly("gate watch list add", "gate watch list remove");
        assertThat(server.audit().entries()).filteredOn(e -> e.action().equals("gate watch list add"))
                .anySatisfy(e -> assertThat(e.actor()).contains("cmdr"));
        assertThat(code(() -> as("cmdr", "commander").unwatchSubject(UnwatchSubjectRequest.newBuilder()
                .setSubjectKind(GateSubjectKind.GATE_SUBJECT_KIND_TRACK).setSubjectId(track).build()))).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void onlyACommanderChangesTheListAndOnlyTracksAndVesselsGoOnIt() {
        WatchSubjectRequest vessel = WatchSubjectRequest.newBuilder().setSubjectKind(GateSubjectKind.GATE_SUBJECT_KIND_VESSEL)
                .setSubjectId("412000123").build();
        assertThat(code(() -> as("disp", "dispatcher").watchSubject(vessel))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(code(() -> as("pc-8", "officer").listWatchedSubjects(ListWatchedSubjectsRequest.getDefaultInstance())))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(code(() -> as("cmdr", "commander").watchSubject(vessel.toBuilder()
                .setSubjectKind(GateSubjectKind.GATE_SUBJECT_KIND_DRONE).build()))).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(code(() -> as("cmdr", "commander").watchSubject(vessel.toBuilder().setSubjectId(" ").build())))
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(as("cmdr", "commander").watchSubject(vessel).getSubject().getSubjectKind())
                .isEqualTo(GateSubjectKind.GATE_SUBJECT_KIND_VESSEL);
        assertThat(server.gates().watchList().find(org.skyfleet.fleet.gate.SubjectKind.VESSEL, "412000123")).isPresent();
        as("cmdr", "commander").unwatchSubject(UnwatchSubjectRequest.newBuilder()
                .setSubjectKind(GateSubjectKind.GATE_SUBJECT_KIND_VESSEL).setSubjectId("412000123").build());
    }

    private static Status.Code code(Runnable call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode();
        }
        throw new AssertionError("the call succeeded");
    }

    private static void report(SightingServiceGrpc.SightingServiceBlockingStub officer, int i, double northM, Instant when) {
        GeoPoint p = at(-500, northM);
        officer.reportSighting(ReportSightingRequest.newBuilder().setSightingId("wl-s-" + i)
                .setTime(com.google.protobuf.Timestamp.newBuilder().setSeconds(when.getEpochSecond()))
                .setSource(SightingSource.SIGHTING_SOURCE_OFFICER).setSourceId("pc-8")
                .setPosition(org.skyfleet.proto.v1.GeoPoint.newBuilder().setLatDeg(p.latDeg()).setLonDeg(p.lonDeg()))
                .setSigmaM(10).setTargetClass(TargetClass.TARGET_CLASS_PERSON).setConfidence(0.9).build());
    }
}
