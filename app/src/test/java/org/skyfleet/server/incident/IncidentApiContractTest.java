package org.skyfleet.server.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.skyfleet.proto.v1.AcknowledgeAssignmentRequest;
import org.skyfleet.proto.v1.GetSearchMapRequest;
import org.skyfleet.proto.v1.ApproveSearchRequest;
import org.skyfleet.proto.v1.CloseIncidentRequest;
import org.skyfleet.proto.v1.RejectSearchRequest;
import org.skyfleet.proto.v1.ReportArrivalRequest;
import org.skyfleet.proto.v1.StreamAssignmentsRequest;
import org.skyfleet.proto.v1.Covariance2;
import org.skyfleet.proto.v1.CreateIncidentRequest;
import org.skyfleet.proto.v1.DispatchServiceGrpc;
import org.skyfleet.proto.v1.GeoPoint;
import org.skyfleet.proto.v1.GetIncidentRequest;
import org.skyfleet.proto.v1.IncidentPriority;
import org.skyfleet.proto.v1.IncidentServiceGrpc;
import org.skyfleet.proto.v1.IncidentType;
import org.skyfleet.proto.v1.ListIncidentsRequest;
import org.skyfleet.proto.v1.ListTracksRequest;
import org.skyfleet.proto.v1.ListUnitsRequest;
import org.skyfleet.proto.v1.ReportSightingRequest;
import org.skyfleet.proto.v1.ReportUnitPositionsResponse;
import org.skyfleet.proto.v1.SightingServiceGrpc;
import org.skyfleet.proto.v1.SightingSource;
import org.skyfleet.proto.v1.TargetClass;
import org.skyfleet.proto.v1.UnitPositionReport;
import org.skyfleet.proto.v1.UnitStatus;
import org.skyfleet.proto.v1.UnitType;
import org.skyfleet.server.GrpcAssert;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.server.grpc.CallerInterceptor;

/**
 * Bad input to the incident, sighting and dispatch APIs: each gets the precise status with a message
 * naming what is wrong, nothing is stored, and the server keeps serving.
 */
class IncidentApiContractTest {
    private static final GeoPoint HILL = GeoPoint.newBuilder().setLatDeg(53.39).setLonDeg(-1.86).build();
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

    private static <S extends io.grpc.stub.AbstractStub<S>> S as(S stub, String subject, String role) {
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers(subject, role)));
    }

    private static IncidentServiceGrpc.IncidentServiceBlockingStub incidents(String role) {
        return as(IncidentServiceGrpc.newBlockingStub(channel), "someone", role);
    }

    private static SightingServiceGrpc.SightingServiceBlockingStub sightings(String subject, String role) {
        return as(SightingServiceGrpc.newBlockingStub(channel), subject, role);
    }

    private static CreateIncidentRequest.Builder call() {
        return CreateIncidentRequest.newBuilder().setType(IncidentType.INCIDENT_TYPE_OTHER)
                .setPriority(IncidentPriority.INCIDENT_PRIORITY_P2).setLocation(HILL);
    }

    private static ReportSightingRequest.Builder sighting() {
        return ReportSightingRequest.newBuilder().setSightingId("s-1").setSource(SightingSource.SIGHTING_SOURCE_CITIZEN)
                .setSourceId("call-1").setPosition(HILL).setSigmaM(20).setTargetClass(TargetClass.TARGET_CLASS_PERSON)
                .setConfidence(0.7);
    }

    private static DispatchServiceGrpc.DispatchServiceBlockingStub officer1() {
        return as(DispatchServiceGrpc.newBlockingStub(channel), "officer-1", "officer");
    }

    static List<Arguments> badCalls() {
        return List.of(
                Arguments.of("no identity", (Runnable) () -> IncidentServiceGrpc.newBlockingStub(channel).createIncident(call().build()),
                        Status.Code.UNAUTHENTICATED, "x-skyfleet-subject"),
                Arguments.of("officer creates", (Runnable) () -> incidents("officer").createIncident(call().build()),
                        Status.Code.PERMISSION_DENIED, "may not create incident"),
                Arguments.of("no type", (Runnable) () -> incidents("dispatcher").createIncident(call().clearType().build()),
                        Status.Code.INVALID_ARGUMENT, "type"),
                Arguments.of("unknown type number", (Runnable) () -> incidents("dispatcher").createIncident(call().setTypeValue(99).build()),
                        Status.Code.INVALID_ARGUMENT, "type"),
                Arguments.of("NaN latitude", (Runnable) () -> incidents("dispatcher").createIncident(call()
                        .setLocation(GeoPoint.newBuilder().setLatDeg(Double.NaN)).build()), Status.Code.INVALID_ARGUMENT, "location"),
                Arguments.of("missing person without details", (Runnable) () -> incidents("dispatcher").createIncident(call()
                        .setType(IncidentType.INCIDENT_TYPE_MISSING_PERSON).build()), Status.Code.INVALID_ARGUMENT, "missing_person"),
                Arguments.of("huge description", (Runnable) () -> incidents("dispatcher").createIncident(call()
                        .setSubjectDescription("x".repeat(100_000)).build()), Status.Code.INVALID_ARGUMENT, "subject_description"),
                Arguments.of("unknown incident", (Runnable) () -> incidents("commander").getIncident(GetIncidentRequest.newBuilder()
                        .setIncidentId("inc-404").build()), Status.Code.NOT_FOUND, "inc-404"),
                Arguments.of("close without reason", (Runnable) () -> incidents("commander").closeIncident(CloseIncidentRequest
                        .newBuilder().setIncidentId("inc-404").build()), Status.Code.INVALID_ARGUMENT, "reason"),
                Arguments.of("search map of nothing", (Runnable) () -> incidents("commander").getSearchMap(GetSearchMapRequest.newBuilder()
                        .setIncidentId("inc-404").build()), Status.Code.NOT_FOUND, "inc-404"),
                Arguments.of("sighting confidence 2", (Runnable) () -> sightings("d", "dispatcher").reportSighting(sighting()
                        .setConfidence(2).build()), Status.Code.INVALID_ARGUMENT, "confidence"),
                Arguments.of("sighting without uncertainty", (Runnable) () -> sightings("d", "dispatcher").reportSighting(sighting()
                        .clearSigmaM().build()), Status.Code.INVALID_ARGUMENT, "uncertainty"),
                Arguments.of("covariance not positive definite", (Runnable) () -> sightings("d", "dispatcher").reportSighting(sighting()
                        .setCovariance(Covariance2.newBuilder().setEastEastM2(1).setEastNorthM2(5).setNorthNorthM2(1)).build()),
                        Status.Code.INVALID_ARGUMENT, "positive definite"),
                Arguments.of("sighting for an unknown incident", (Runnable) () -> sightings("d", "dispatcher").reportSighting(sighting()
                        .setIncidentId("inc-404").build()), Status.Code.NOT_FOUND, "inc-404"),
                Arguments.of("edge reports for another vehicle", (Runnable) () -> sightings("mav-1-1", "vehicle-edge").reportSighting(
                        sighting().setSource(SightingSource.SIGHTING_SOURCE_DRONE).setSourceId("mav-1-2").build()),
                        Status.Code.PERMISSION_DENIED, "mav-1-2"),
                Arguments.of("acknowledge an unknown assignment", (Runnable) () -> officer1().acknowledgeAssignment(
                        AcknowledgeAssignmentRequest.newBuilder().setAssignmentId("asg-404").setUnitId("officer-1").build()),
                        Status.Code.NOT_FOUND, "asg-404"),
                Arguments.of("officer acknowledges for another", (Runnable) () -> officer1().acknowledgeAssignment(
                        AcknowledgeAssignmentRequest.newBuilder().setAssignmentId("asg-1").setUnitId("officer-2").build()),
                        Status.Code.PERMISSION_DENIED, "own unit"),
                Arguments.of("arrival at an unknown assignment", (Runnable) () -> officer1().reportArrival(
                        ReportArrivalRequest.newBuilder().setAssignmentId("asg-404").setUnitId("officer-1").build()),
                        Status.Code.NOT_FOUND, "asg-404"),
                Arguments.of("assignments of no unit", (Runnable) () -> as(DispatchServiceGrpc.newBlockingStub(channel), "d",
                        "dispatcher").streamAssignments(StreamAssignmentsRequest.getDefaultInstance()).hasNext(),
                        Status.Code.INVALID_ARGUMENT, "unit_id"),
                Arguments.of("officer watches another unit", (Runnable) () -> officer1().streamAssignments(
                        StreamAssignmentsRequest.newBuilder().setUnitId("officer-2").build()).hasNext(),
                        Status.Code.PERMISSION_DENIED, "own unit"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCalls")
    void badInputGetsThePreciseStatusAndTheServerKeepsServing(String name, Runnable call, Status.Code code, String mentions) {
        int before = allIncidents();
        GrpcAssert.assertStatus(call::run, code, mentions);
        assertThat(allIncidents()).isEqualTo(before);
        assertThat(SightingServiceGrpc.newBlockingStub(channel).listTracks(ListTracksRequest.newBuilder().setIncludeTentative(true)
                .build()).getTracksList()).noneMatch(t -> t.getSightingIdsList().contains("s-1"));
    }

    private static int allIncidents() {
        return incidents("commander").listIncidents(ListIncidentsRequest.newBuilder().setIncludeClosed(true).build())
                .getIncidentsCount();
    }

    @Test
    void whatTheIncidentsStateDoesNotAllowIsFailedPreconditionNamingTheState() {
        String id = incidents("dispatcher").createIncident(call().setSubjectDescription("a lost dog").build()).getIncident()
                .getIncidentId();
        GrpcAssert.assertStatus(() -> incidents("pilot").approveSearch(ApproveSearchRequest.newBuilder().setIncidentId(id)
                .setReason("go").build()), Status.Code.FAILED_PRECONDITION, "no search waiting for approval");
        GrpcAssert.assertStatus(() -> incidents("pilot").rejectSearch(RejectSearchRequest.newBuilder().setIncidentId(id)
                .setReason("no").build()), Status.Code.FAILED_PRECONDITION, "no search waiting for approval");
        GrpcAssert.assertStatus(() -> incidents("commander").getSearchMap(GetSearchMapRequest.newBuilder().setIncidentId(id)
                .build()), Status.Code.NOT_FOUND, "has no search");
        incidents("commander").closeIncident(CloseIncidentRequest.newBuilder().setIncidentId(id).setReason("found at home").build());
        GrpcAssert.assertStatus(() -> incidents("commander").closeIncident(CloseIncidentRequest.newBuilder().setIncidentId(id)
                .setReason("again").build()), Status.Code.FAILED_PRECONDITION, "was closed");
    }

    @Test
    void aUnitStreamKeepsGoodReportsAndCountsTheBadOnesWithTheReason() throws Exception {
        CompletableFuture<ReportUnitPositionsResponse> answer = new CompletableFuture<>();
        StreamObserver<UnitPositionReport> stream = as(DispatchServiceGrpc.newStub(channel), "officer-7", "officer")
                .reportUnitPositions(new StreamObserver<>() {
                    @Override
                    public void onNext(ReportUnitPositionsResponse r) {
                        answer.complete(r);
                    }

                    @Override
                    public void onError(Throwable t) {
                        answer.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        UnitPositionReport good = UnitPositionReport.newBuilder().setUnitId("officer-7").setUnitType(UnitType.UNIT_TYPE_OFFICER_ON_FOOT)
                .setPosition(HILL).setStatus(UnitStatus.UNIT_STATUS_AVAILABLE).setCallsign("Hotel 27").build();
        stream.onNext(good);
        stream.onNext(good.toBuilder().setUnitId("officer-8").build());
        stream.onNext(good.toBuilder().setPosition(GeoPoint.newBuilder().setLatDeg(53.39).setLonDeg(190)).build());
        stream.onNext(good.toBuilder().setStatus(UnitStatus.UNIT_STATUS_ASSIGNED).build());
        stream.onCompleted();
        ReportUnitPositionsResponse r = answer.get(10, TimeUnit.SECONDS);
        assertThat(r.getAccepted()).isEqualTo(1);
        assertThat(r.getRejected()).isEqualTo(3);
        assertThat(r.getLastError()).contains("status");
        var units = DispatchServiceGrpc.newBlockingStub(channel).listUnits(ListUnitsRequest.getDefaultInstance()).getUnitsList();
        assertThat(units).singleElement().satisfies(u -> {
            assertThat(u.getUnitId()).isEqualTo("officer-7");
            assertThat(u.getCallsign()).isEqualTo("Hotel 27");
            assertThat(u.getStatus()).isEqualTo(UnitStatus.UNIT_STATUS_AVAILABLE);
        });
    }

    @Test
    void aRepeatedSightingIsFusedOnce() {
        var s = sightings("dana", "dispatcher");
        var first = s.reportSighting(sighting().setSightingId("dup-1").build());
        var again = s.reportSighting(sighting().setSightingId("dup-1").build());
        assertThat(first.getDuplicate()).isFalse();
        assertThat(again.getDuplicate()).isTrue();
        assertThat(again.getTrackId()).isEqualTo(first.getTrackId()).isNotEmpty();
        var tracks = SightingServiceGrpc.newBlockingStub(channel).listTracks(ListTracksRequest.newBuilder()
                .setIncludeTentative(true).build()).getTracksList();
        assertThat(tracks).filteredOn(t -> t.getSightingIdsList().contains("dup-1")).singleElement()
                .satisfies(t -> assertThat(t.getSightingIdsList()).containsExactly("dup-1"));
    }

    @Test
    void aTrackCarriesTheSightingsBehindItWithWhereAndWhenEachWasSeen() {
        var officer = sightings("pc-7", "officer");
        for (int i = 0; i < 3; i++) {
            officer.reportSighting(ReportSightingRequest.newBuilder().setSightingId("ev-" + i)
                    .setSource(SightingSource.SIGHTING_SOURCE_OFFICER).setSourceId("pc-7")
                    .setPosition(GeoPoint.newBuilder().setLatDeg(51.62 + i * 1e-5).setLonDeg(-0.21))
                    .setSigmaM(10).setTargetClass(TargetClass.TARGET_CLASS_PERSON).setConfidence(0.9 - i * 0.1).build());
        }
        var track = as(SightingServiceGrpc.newBlockingStub(channel), "cmdr", "commander").listTracks(ListTracksRequest.newBuilder()
                .setIncludeTentative(true).build()).getTracksList().stream()
                .filter(t -> t.getSightingIdsList().contains("ev-0")).findFirst().orElseThrow();

        assertThat(track.getRecentSightingsList()).extracting(s -> s.getSightingId()).containsExactly("ev-0", "ev-1", "ev-2");
        var last = track.getRecentSightings(2);
        assertThat(last.getSource()).isEqualTo(SightingSource.SIGHTING_SOURCE_OFFICER);
        assertThat(last.getSourceId()).isEqualTo("pc-7");
        assertThat(last.getPosition().getLatDeg()).isEqualTo(51.62 + 2e-5);
        assertThat(last.getConfidence()).isEqualTo(0.9 - 0.2);
        assertThat(last.hasTime()).isTrue();
    }
}
