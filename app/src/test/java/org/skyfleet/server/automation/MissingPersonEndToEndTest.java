package org.skyfleet.server.automation;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skyfleet.planner.geo.GreatCircle;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.proto.v1.GetSearchMapRequest;
import org.skyfleet.proto.v1.CloseIncidentRequest;
import org.skyfleet.proto.v1.GetIncidentRequest;
import org.skyfleet.proto.v1.Incident;
import org.skyfleet.proto.v1.IncidentServiceGrpc;
import org.skyfleet.proto.v1.IncidentState;
import org.skyfleet.proto.v1.IncidentUpdate;
import org.skyfleet.proto.v1.ListTracksRequest;
import org.skyfleet.proto.v1.SearchState;
import org.skyfleet.proto.v1.SightingServiceGrpc;
import org.skyfleet.proto.v1.StreamIncidentsRequest;
import org.skyfleet.proto.v1.TimelineEntry;
import org.skyfleet.proto.v1.TimelineKind;
import org.skyfleet.proto.v1.Track;
import org.skyfleet.server.Await;
import org.skyfleet.server.automation.AutomationConfig;
import org.skyfleet.server.GrpcAssert;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.server.StreamRecorder;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.server.incident.IncidentWebhook;
import org.skyfleet.server.incident.WebhookSignature;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.controlplane.GrpcSightingReporter;
import org.skyfleet.simulator.controlplane.VehicleIds;
import org.skyfleet.simulator.ground.GroundUnits;
import org.skyfleet.simulator.ground.OfficerApp;
import org.skyfleet.simulator.scenario.Scenario;
import org.skyfleet.simulator.world.people.Target;

/**
 * The night the system exists for, over the real wire and 30 times faster than real time: a call-taking
 * system posts a missing man with dementia to the webhook; with nobody touching it the server plans a
 * search from lost-person statistics and launches the drones; a thermal camera sees him; the track is
 * confirmed; the nearest officer on foot is sent, walks to him and reports arrival; the commander closes
 * the incident. Every step is on the incident's timeline.
 */
class MissingPersonEndToEndTest {
    private static final String SECRET = "call-taking-secret-0123456789";
    /** Where a neighbour saw him twenty minutes before the call: on the path up the hill, 150 m from where he is now. */
    private static final GeoPoint CARE_HOME = new GeoPoint(53.3912, -1.8647);

    private static SkyfleetServer server;
    private static Simulation sim;
    private static ManagedChannel channel;
    private static GroundUnits units;
    private static GrpcSightingReporter reporter;
    private static org.skyfleet.simulator.world.LocalFrame world;

    @BeforeAll
    static void start() throws Exception {
        // four vehicles at 30x real time send ~3,000 datagrams/s from one host: over one source IP's default budget
        server = SkyfleetServer.start(ServerConfig.ephemeral().withMavlinkSourceRate(20_000),
                AutomationConfig.defaults().withWebhookSecret(SECRET).withAcknowledgeTimeout(Duration.ofSeconds(20)),
                InstantSource.system());
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
        String json = Files.readString(Path.of("../scenarios/missing-person-forested-hill.json"))
                .replace("\"timeScale\": 1,", "\"timeScale\": 30,")
                // The server's GCS heartbeat is 1 Hz of wall time: at 30x the drones hear one every 30 simulated
                // seconds, so their lost-link failsafe is widened to what 1 s of wall time is worth here.
                .replace("\"lostLinkTimeoutS\": 30", "\"lostLinkTimeoutS\": 300")
                // This test follows one flow to its end and counts its steps exactly. The scenario's detectors give
                // false alarms (0.5-1 a minute each), which confirm a false track in roughly one flight-hour in ten
                // (bench search: 0.12 per flight-hour) and would then dispatch a second officer: that behaviour is
                // measured by the search bench and tested in TrackerFalseAlarmTest, not here.
                .replaceAll("\"falsePositivesPerMin\": [0-9.]+", "\"falsePositivesPerMin\": 0");
        Scenario scenario = Scenario.parse(json);
        world = new org.skyfleet.simulator.world.LocalFrame(scenario.home().latDeg(), scenario.home().lonDeg());
        int port = server.mavlinkAddress().getPort();
        reporter = new GrpcSightingReporter(channel, VehicleIds.mavlink(scenario, server.links().get(0).config().linkName()),
                GrpcSightingReporter.Options.defaults());
        sim = Simulation.start(scenario, new InetSocketAddress("127.0.0.1", port), reporter);
        units = GroundUnits.start(sim, channel);
        Await.until(Duration.ofSeconds(30), "four drones with a home position and three officers reporting",
                () -> server.registry().all().stream().filter(s -> s.home() != null && s.battery() != null).count() == 4
                        && units.apps().stream().allMatch(a -> a.state().position() != null)
                        && server.registry().all().size() == 4);
    }

    @AfterAll
    static void stop() {
        if (units != null) {
            units.close();
        }
        if (sim != null) {
            sim.close();
        }
        if (reporter != null) {
            reporter.close();
        }
        if (channel != null) {
            channel.shutdownNow();
        }
        if (server != null) {
            server.close();
        }
    }

    private static <S extends io.grpc.stub.AbstractStub<S>> S as(S stub, String subject, String role) {
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers(subject, role)));
    }

    /** Posts {@code body} signed with {@code secret} at {@code ageS} seconds ago; unsigned when the secret is null. */
    private static HttpResponse<String> post(String secret, String body, long ageS) throws Exception {
        return postSignedAt(secret, body, System.currentTimeMillis() / 1000 - ageS);
    }

    private static HttpResponse<String> postSignedAt(String secret, String body, long t) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + IncidentWebhook.PATH))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            b.header(WebhookSignature.HEADER, WebhookSignature.header(secret, t, body.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aCallBecomesASearchADetectionAConfirmedTrackAnOfficerAtHisSideAndAClosedIncident() throws Exception {
        var incidents = IncidentServiceGrpc.newBlockingStub(channel);
        var timeline = new StreamRecorder<StreamIncidentsRequest, IncidentUpdate>(false);
        IncidentServiceGrpc.newStub(channel).streamIncidents(StreamIncidentsRequest.getDefaultInstance(), timeline);

        String call = """
                {"externalId": "CAD-2026-118734", "type": "INCIDENT_TYPE_MISSING_PERSON", "priority": "INCIDENT_PRIORITY_P1",
                 "location": {"latDeg": %s, "lonDeg": %s},
                 "subjectDescription": "Man, 82, dementia, grey coat, walks with a stick",
                 "missingPerson": {"lastKnownPoint": {"latDeg": %s, "lonDeg": %s}, "category": "SUBJECT_CATEGORY_DEMENTIA",
                                   "ageYears": 82}}
                """.formatted(CARE_HOME.latDeg(), CARE_HOME.lonDeg(), CARE_HOME.latDeg(), CARE_HOME.lonDeg());
        assertThat(post(null, call, 0).statusCode()).isEqualTo(401);
        assertThat(post("wrong-secret-wrong-secret", call, 0).statusCode()).isEqualTo(401);
        assertThat(post(SECRET, "{\"externalId\": \"CAD-2026-118733\", \"type\": \"INCIDENT_TYPE_MISSING_PERSON\", "
                + "\"location\": {\"latDeg\": 95}}", 0).statusCode()).isEqualTo(400);
        long signedAtS = System.currentTimeMillis() / 1000;
        HttpResponse<String> created = postSignedAt(SECRET, call, signedAtS);
        assertThat(created.statusCode()).isEqualTo(201);
        // delivered again, signed again (a second apart, so not a replay of the same signature): the same incident
        HttpResponse<String> replayed = postSignedAt(SECRET, call, signedAtS - 1);
        assertThat(replayed.statusCode()).isEqualTo(200);
        List<Incident> open = incidents.listIncidents(org.skyfleet.proto.v1.ListIncidentsRequest.getDefaultInstance()).getIncidentsList();
        assertThat(open).hasSize(1);
        String id = open.get(0).getIncidentId();
        assertThat(replayed.body()).contains(id);
        reporter.setIncident(() -> null); // the server files a searching drone's sightings under its search

        // No person approves anything: a P1 missing person launches by policy.
        Await.until(Duration.ofSeconds(60), "drones launched on the search", () -> kinds(incidents, id).contains(TimelineKind.TIMELINE_KIND_DRONE_LAUNCHED));
        Incident searching = get(incidents, id);
        assertThat(searching.getSearch().getState()).isIn(SearchState.SEARCH_STATE_ACTIVE, SearchState.SEARCH_STATE_FOUND);
        assertThat(searching.getSearch().getExpectedProbabilityOfSuccess()).isBetween(0.05, 1.0);
        assertThat(searching.getSearch().getAssignmentsCount()).isBetween(1, 4);
        var map = incidents.getSearchMap(GetSearchMapRequest.newBuilder().setIncidentId(id).build()).getSearchMap();
        assertThat(map.getSegmentsCount()).isGreaterThan(10);
        assertThat(map.getStatisticsSource()).isNotBlank();
        GrpcAssert.assertStatus(() -> as(incidents, "pat", "pilot").approveSearch(
                org.skyfleet.proto.v1.ApproveSearchRequest.newBuilder().setIncidentId(id).build()), Status.Code.FAILED_PRECONDITION, "approval");

        try {
            Await.until(Duration.ofSeconds(240), "the subject's track to be confirmed",
                    () -> kinds(incidents, id).contains(TimelineKind.TIMELINE_KIND_TRACK_CONFIRMED));
        } catch (AssertionError e) {
            // what the search did, for whoever reads the failure
            get(incidents, id).getTimelineList().forEach(x -> System.out.println("TIMELINE " + x.getKind() + " " + x.getText()));
            System.out.println("sightings accepted=" + reporter.accepted() + ", of the subject "
                    + reporter.reports().stream().filter(r -> r.truthTargetId() != null).count());
            throw e;
        }
        Await.until(Duration.ofSeconds(10), "the search to end as found",
                () -> get(incidents, id).getSearch().getState() == SearchState.SEARCH_STATE_FOUND);
        Target subject = sim.targets().get(0);
        String followed = entries(incidents, id, TimelineKind.TIMELINE_KIND_TRACK_CONFIRMED).get(0).getTrackId();
        Track track = SightingServiceGrpc.newBlockingStub(channel).listTracks(ListTracksRequest.newBuilder().setIncidentId(id).build())
                .getTracksList().stream().filter(t -> t.getTrackId().equals(followed)).findFirst().orElseThrow();
        GeoPoint truth = truth(subject);
        assertThat(GreatCircle.distanceM(new GeoPoint(track.getPosition().getLatDeg(), track.getPosition().getLonDeg()), truth))
                .as("confirmed track vs the man's true position").isLessThan(60);

        // The nearest officer (by walking time) is assigned, acknowledges, walks there and reports arrival.
        Await.until(Duration.ofSeconds(30), "a unit assigned", () -> kinds(incidents, id).contains(TimelineKind.TIMELINE_KIND_UNIT_ASSIGNED));
        String assigned = entries(incidents, id, TimelineKind.TIMELINE_KIND_UNIT_ASSIGNED).get(0).getUnitId();
        String nearest = units.apps().stream().min(java.util.Comparator.comparingDouble(
                a -> GreatCircle.distanceM(startOf(a), truth))).orElseThrow().state().unitId();
        assertThat(assigned).isEqualTo(nearest);
        Await.until(Duration.ofSeconds(240), "the officer at the man's side", () -> units.app(assigned).state().arrived());
        GeoPoint officer = startOf(units.app(assigned));
        assertThat(GreatCircle.distanceM(officer, truth(subject)))
                .as("officer to subject at arrival").isLessThan(60);
        Await.until(Duration.ofSeconds(10), "arrival on the timeline", () -> kinds(incidents, id).contains(TimelineKind.TIMELINE_KIND_UNIT_ARRIVED));
        assertThat(kinds(incidents, id)).contains(TimelineKind.TIMELINE_KIND_DRONE_ORBITING, TimelineKind.TIMELINE_KIND_UNIT_ACKNOWLEDGED);
        // One man, one officer sent, however many pieces of track the fusion made of him.
        assertThat(entries(incidents, id, TimelineKind.TIMELINE_KIND_UNIT_ASSIGNED)).hasSize(1);
        assertThat(entries(incidents, id, TimelineKind.TIMELINE_KIND_DRONE_ORBITING)).hasSize(1);

        // Closing needs a commander or dispatcher, and a reason.
        GrpcAssert.assertStatus(() -> as(incidents, "olly", "officer").closeIncident(CloseIncidentRequest.newBuilder()
                .setIncidentId(id).setReason("found").build()), Status.Code.PERMISSION_DENIED, "close");
        Incident closed = as(incidents, "cmdr", "commander").closeIncident(CloseIncidentRequest.newBuilder().setIncidentId(id)
                .setReason("subject found safe, handed to paramedics").build()).getIncident();
        assertThat(closed.getState()).isEqualTo(IncidentState.INCIDENT_STATE_CLOSED);
        GrpcAssert.assertStatus(() -> as(incidents, "cmdr", "commander").closeIncident(CloseIncidentRequest.newBuilder()
                .setIncidentId(id).setReason("again").build()), Status.Code.FAILED_PRECONDITION, "closed");

        // One timeline, in order, streamed as it happened.
        List<TimelineKind> order = closed.getTimelineList().stream().map(TimelineEntry::getKind).distinct().toList();
        assertThat(order).containsSubsequence(TimelineKind.TIMELINE_KIND_CREATED, TimelineKind.TIMELINE_KIND_SEARCH_PLANNED,
                TimelineKind.TIMELINE_KIND_DRONE_LAUNCHED, TimelineKind.TIMELINE_KIND_TRACK_CONFIRMED,
                TimelineKind.TIMELINE_KIND_UNIT_ASSIGNED, TimelineKind.TIMELINE_KIND_UNIT_ARRIVED, TimelineKind.TIMELINE_KIND_CLOSED);
        Await.until(Duration.ofSeconds(5), "the closure on the incident stream", () -> timeline.received.stream()
                .anyMatch(u -> u.getLatest().getKind() == TimelineKind.TIMELINE_KIND_CLOSED));
        Map<TimelineKind, Long> streamed = timeline.received.stream().filter(IncidentUpdate::hasLatest)
                .collect(Collectors.groupingBy(u -> u.getLatest().getKind(), Collectors.counting()));
        assertThat(streamed).containsKeys(TimelineKind.TIMELINE_KIND_TRACK_CONFIRMED, TimelineKind.TIMELINE_KIND_UNIT_ARRIVED);
        assertThat(org.skyfleet.fleet.audit.AuditJournal.firstBroken(server.audit().entries())).isEmpty();
    }

    /** Where the unit is now. */
    private static GeoPoint startOf(OfficerApp a) {
        var p = a.state().position();
        return new GeoPoint(p.latDeg(), p.lonDeg());
    }

    private static GeoPoint truth(Target t) {
        return new GeoPoint(world.latDeg(t.northM()), world.lonDeg(t.eastM()));
    }

    private static Incident get(IncidentServiceGrpc.IncidentServiceBlockingStub s, String id) {
        return s.getIncident(GetIncidentRequest.newBuilder().setIncidentId(id).build()).getIncident();
    }

    private static List<TimelineKind> kinds(IncidentServiceGrpc.IncidentServiceBlockingStub s, String id) {
        return get(s, id).getTimelineList().stream().map(TimelineEntry::getKind).toList();
    }

    private static List<TimelineEntry> entries(IncidentServiceGrpc.IncidentServiceBlockingStub s, String id, TimelineKind k) {
        return get(s, id).getTimelineList().stream().filter(e -> e.getKind() == k).toList();
    }
}
