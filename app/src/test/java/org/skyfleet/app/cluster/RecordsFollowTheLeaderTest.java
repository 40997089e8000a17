package org.skyfleet.app.cluster;

import org.skyfleet.cluster.ClusterConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.nats.client.Connection;
import io.nats.client.Subscription;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.bus.AreaCell;
import org.skyfleet.fleet.store.jdbc.JdbcStore;
import org.skyfleet.proto.v1.Assignment;
import org.skyfleet.proto.v1.CreateIncidentRequest;
import org.skyfleet.proto.v1.DispatchServiceGrpc;
import org.skyfleet.proto.v1.GeoPoint;
import org.skyfleet.proto.v1.IncidentPriority;
import org.skyfleet.proto.v1.IncidentServiceGrpc;
import org.skyfleet.proto.v1.IncidentType;
import org.skyfleet.proto.v1.ReportSightingRequest;
import org.skyfleet.proto.v1.ReportUnitPositionsResponse;
import org.skyfleet.proto.v1.SightingServiceGrpc;
import org.skyfleet.proto.v1.SightingSource;
import org.skyfleet.proto.v1.StreamTracksRequest;
import org.skyfleet.proto.v1.TargetClass;
import org.skyfleet.proto.v1.TrackState;
import org.skyfleet.proto.v1.TrackUpdate;
import org.skyfleet.proto.v1.UnitPositionReport;
import org.skyfleet.proto.v1.UnitStatus;
import org.skyfleet.proto.v1.UnitType;
import org.skyfleet.server.Await;
import org.skyfleet.server.automation.AutomationConfig;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.server.StreamRecorder;
import org.skyfleet.server.TestPostgres;
import org.skyfleet.server.auth.TokenAuthority;
import org.skyfleet.cluster.bus.NatsTestServer;
import org.skyfleet.cluster.records.RecordsBroadcast;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.server.incident.IncidentWebhook;
import org.skyfleet.server.incident.WebhookSignature;

/**
 * Two nodes in one JVM on the real NATS and one shared PostgreSQL. Node A leads the records; everything
 * is asked of node B: an officer's position stream (client streaming), a commander's track stream (server
 * streaming), an incident and the sightings that confirm a track, which dispatches the officer. B serves it
 * all through A, B's console raises the track's alerts from the bus, and the track and the assignment are
 * published on their subjects; a call posted to B's webhook is made an incident by A, once. A stops; B leads from the shared store and carries the same track on.
 */
class RecordsFollowTheLeaderTest {
    private static final GeoPoint HILL = GeoPoint.newBuilder().setLatDeg(53.3924).setLonDeg(-1.8632).build();
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String WEBHOOK_SECRET = "call-taking-0123456789";
    private static final TokenAuthority TOKENS = TokenAuthority.fromHex("5e".repeat(32), InstantSource.system());
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void everyNodeServesTheRecordsThroughTheLeaderAndTheNextLeaderCarriesOn() throws Exception {
        NatsTestServer.connect("probe").close(); // skips, or fails in CI, without NATS
        TestPostgres database = TestPostgres.freshSchema();
        open.add(database);
        SkyfleetServer nodeA = node(NatsTestServer.unique("rec-a-"), database);
        // a leader left by an earlier test on this NATS holds the records until its lease runs out
        Await.until(Duration.ofSeconds(6).plus(WAIT), "node A to lead the records", () -> nodeA.records().isPresent());
        SkyfleetServer nodeB = node(NatsTestServer.unique("rec-b-"), database);
        ManagedChannel toB = NettyChannelBuilder.forAddress("127.0.0.1", nodeB.grpcPort()).usePlaintext().build();
        open.add(toB::shutdownNow);
        assertThat(nodeB.records()).isEmpty();

        Connection watcher = NatsTestServer.connect(NatsTestServer.unique("watch-"));
        open.add(watcher::close);
        String cell = AreaCell.of(HILL.getLatDeg(), HILL.getLonDeg());
        Subscription tracksInArea = watcher.subscribe(RecordsBroadcast.TRACK_ROOT + "." + cell.charAt(0) + "." + cell.charAt(1) + ".>");
        Subscription assignments = watcher.subscribe(RecordsBroadcast.ASSIGNMENT_ROOT + ".unit-7.>");
        watcher.flush(Duration.ofSeconds(2));

        // an officer's app streams its position through B (client streaming, forwarded)
        CompletableFuture<ReportUnitPositionsResponse> reported = new CompletableFuture<>();
        StreamObserver<UnitPositionReport> positions = as(DispatchServiceGrpc.newStub(toB), "unit-7", "officer")
                .reportUnitPositions(observer(reported));
        for (int i = 0; i < 3; i++) {
            positions.onNext(UnitPositionReport.newBuilder().setUnitId("unit-7").setUnitType(UnitType.UNIT_TYPE_OFFICER_ON_FOOT)
                    .setCallsign("PC 7").setPosition(GeoPoint.newBuilder().setLatDeg(HILL.getLatDeg() + 0.004 - i * 0.001)
                            .setLonDeg(HILL.getLonDeg())).setAccuracyM(5).setStatus(UnitStatus.UNIT_STATUS_AVAILABLE).build());
        }
        positions.onCompleted();
        assertThat(reported.get(10, TimeUnit.SECONDS).getAccepted()).isEqualTo(3);
        assertThat(nodeA.records().orElseThrow().dispatcher().roster().find("unit-7")).as("the leader holds the unit").isPresent();

        // a commander follows tracks through B (server streaming, forwarded)
        var trackStream = new StreamRecorder<StreamTracksRequest, TrackUpdate>(false);
        as(SightingServiceGrpc.newStub(toB), "cmdr", "commander").streamTracks(StreamTracksRequest.getDefaultInstance(), trackStream);

        var incidents = as(IncidentServiceGrpc.newBlockingStub(toB), "dana", "dispatcher");
        String incident = incidents.createIncident(CreateIncidentRequest.newBuilder().setExternalId(NatsTestServer.unique("CAD-"))
                .setType(IncidentType.INCIDENT_TYPE_SUSPECT).setPriority(IncidentPriority.INCIDENT_PRIORITY_P1)
                .setLocation(HILL).setSubjectDescription("man, 82, grey coat").build()).getIncident().getIncidentId();
        var sightings = as(SightingServiceGrpc.newBlockingStub(toB), "cmdr", "commander");
        String track = "";
        for (int i = 0; i < 3; i++) {
            track = sightings.reportSighting(sighting("s-" + incident + "-" + i, incident)).getTrackId();
        }
        String confirmed = track;
        Await.until(WAIT, "B's commander to see the track confirmed", () -> trackStream.received.stream()
                // as a change, or in the snapshot if the forwarded stream was opened on the leader after the confirmation
                .anyMatch(u -> u.getTrack().getState() == TrackState.TRACK_STATE_CONFIRMED && u.getTrack().getTrackId().equals(confirmed)));
        Await.until(WAIT, "B's console to raise the confirmation it heard over the bus", () -> nodeB.console().alerts()
                .since(0, 500).changes().stream().anyMatch(json -> json.contains("TRACK_CONFIRMED") && json.contains(confirmed)));
        TrackUpdate onBus = TrackUpdate.parseFrom(tracksInArea.nextMessage(Duration.ofSeconds(10)).getData());
        assertThat(onBus.getTrack().getTrackId()).isEqualTo(confirmed);
        Assignment offered = Assignment.parseFrom(assignments.nextMessage(WAIT).getData());
        assertThat(offered.getUnitId()).isEqualTo("unit-7");
        assertThat(offered.getTrackId()).isEqualTo(confirmed);
        assertThat(offered.getIncidentId()).isEqualTo(incident);

        // the call-taking system's webhook posted to B: the incident is made by the leader, once
        String call = "{\"externalId\":\"" + NatsTestServer.unique("WEB-") + "\",\"type\":\"INCIDENT_TYPE_SUSPECT\","
                + "\"priority\":\"INCIDENT_PRIORITY_P2\",\"location\":{\"latDeg\":53.39,\"lonDeg\":-1.86}}";
        long signedAtS = System.currentTimeMillis() / 1000;
        HttpResponse<String> first = postWebhookSignedAt(nodeB, call, signedAtS);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        // delivered again, signed again a second apart (not a replay of the same signature)
        HttpResponse<String> again = postWebhookSignedAt(nodeB, call, signedAtS - 1);
        assertThat(again.statusCode()).as("delivered twice: the same incident").isEqualTo(200);
        String webIncident = first.body().replaceAll("(?s).*\"incidentId\":\"([^\"]+)\".*", "$1");
        assertThat(again.body()).contains(webIncident);
        assertThat(nodeA.incidents().find(webIncident)).as("made by the leader").isPresent();

        nodeA.close(); // a clean stop hands the records on at once
        open.remove(nodeA);
        Await.until(WAIT, "node B to lead the records", () -> nodeB.records().isPresent());
        Await.until(WAIT, "B's records to answer", () -> {
            try {
                return sightings.reportSighting(sighting("s-" + incident + "-2", incident)).getDuplicate();
            } catch (StatusRuntimeException e) {
                return false; // UNAVAILABLE while the records open
            }
        });
        assertThat(sightings.reportSighting(sighting("s-" + incident + "-3", incident)).getTrackId())
                .as("a new sighting joins the track A made").isEqualTo(confirmed);
        assertThat(nodeB.records().orElseThrow().dispatcher().find(offered.getAssignmentId()))
                .as("the open assignment carries on").isPresent();
    }

    private SkyfleetServer node(String nodeId, TestPostgres database) throws Exception {
        // every node holds the token key: the webhook's call forwarded to the leader carries a token its node issued
        SkyfleetServer n = SkyfleetServer.start(ServerConfig.ephemeral().withTokens(TOKENS, false),
                AutomationConfig.defaults().withWebhookSecret(WEBHOOK_SECRET),
                JdbcStore.open(database.url()), InstantSource.system(),
                ClusterConfig.of(NatsTestServer.URL, nodeId).withOwnerLease(LEASE));
        open.add(n);
        return n;
    }

    /** Posts {@code json} signed with the webhook secret at {@code signedAtS} (Unix seconds). */
    private static HttpResponse<String> postWebhookSignedAt(SkyfleetServer node, String json, long signedAtS) throws Exception {
        String signature = WebhookSignature.header(WEBHOOK_SECRET, signedAtS,
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort()
                        + IncidentWebhook.PATH)).header(WebhookSignature.HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofString(json)).timeout(Duration.ofSeconds(15)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static ReportSightingRequest sighting(String id, String incidentId) {
        return ReportSightingRequest.newBuilder().setSightingId(id).setSource(SightingSource.SIGHTING_SOURCE_OFFICER)
                .setSourceId("unit-9").setPosition(HILL).setSigmaM(8).setTargetClass(TargetClass.TARGET_CLASS_PERSON)
                .setConfidence(0.9).setIncidentId(incidentId).build();
    }

    private static <S extends io.grpc.stub.AbstractStub<S>> S as(S stub, String subject, String role) {
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers(subject, role)))
                .withDeadlineAfter(20, TimeUnit.SECONDS);
    }

    private static <T> StreamObserver<T> observer(CompletableFuture<T> result) {
        return new StreamObserver<>() {
            @Override
            public void onNext(T value) {
                result.complete(value);
            }

            @Override
            public void onError(Throwable t) {
                result.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
            }
        };
    }
}
