package org.skyfleet.server.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.net.InetSocketAddress;
import java.time.Duration;
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
import org.skyfleet.fleet.incident.IncidentPriority;
import org.skyfleet.fleet.incident.IncidentType;
import org.skyfleet.fleet.incident.NewIncident;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GeoPolygon;
import org.skyfleet.proto.v1.Gate;
import org.skyfleet.proto.v1.GateCrossingDirection;
import org.skyfleet.proto.v1.GateKindCount;
import org.skyfleet.proto.v1.GateServiceGrpc;
import org.skyfleet.proto.v1.GateSubjectKind;
import org.skyfleet.proto.v1.GeofenceCategory;
import org.skyfleet.proto.v1.ListGatesRequest;
import org.skyfleet.proto.v1.ReportSightingRequest;
import org.skyfleet.proto.v1.SightingServiceGrpc;
import org.skyfleet.proto.v1.SightingSource;
import org.skyfleet.proto.v1.StreamGateEventsRequest;
import org.skyfleet.proto.v1.StreamGateEventsResponse;
import org.skyfleet.proto.v1.TargetClass;
import org.skyfleet.server.Await;
import org.skyfleet.server.StreamRecorder;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.scenario.Scenario;

/**
 * Over the wire: a simulated drone (MAVLink over UDP) patrols north through a school's small gate, and the
 * gate's crossing arrives on a GateService stream and in ListGates' counters; a fusion track of an open
 * incident walking into the gate is a watched crossing: an alert and a coded timeline entry.
 */
class GatesEndToEndTest {
    private static final double LAT = 29.8683;
    private static final double LON = 121.6147;
    private static final double M_PER_DEG = 111_320.0;
    private static final String SCENARIO = """
            {"name": "gates-e2e", "description": "one drone patrolling north through a school's gate", "seed": 9,
             "durationS": 3600, "timeScale": 10, "home": {"latDeg": 29.8683, "lonDeg": 121.6147}, "homeAltAmslM": 5,
             "area": [], "night": false, "canopyCover": 0, "wind": {"speedMps": 0, "fromDeg": 0, "gustMps": 0},
             "failsafe": {"batteryReturnPercent": 20, "batteryLandPercent": 8, "lostLinkTimeoutS": 60, "fenceAction": "HOLD"},
             "vehicles": [{"name": "patrol", "type": "MULTICOPTER", "camera": {"preset": "VISUAL", "falsePositivesPerMin": 0},
                           "patrol": [{"latDeg": 29.8683, "lonDeg": 121.6147}, {"latDeg": 29.8737, "lonDeg": 121.6147}],
                           "patrolAltM": 40}],
             "targets": [], "faults": []}
            """;
    private static SkyfleetServer server;
    private static Simulation sim;
    private static ManagedChannel channel;

    @BeforeAll
    static void start() throws Exception {
        server = SkyfleetServer.start(ServerConfig.ephemeral(), InstantSource.system());
        sim = Simulation.start(Scenario.parse(SCENARIO), new InetSocketAddress("127.0.0.1", server.mavlinkAddress().getPort()));
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
    }

    @AfterAll
    static void stop() {
        channel.shutdownNow();
        sim.close();
        server.close();
    }

    private static GeoPoint at(double eastM, double northM) {
        return new GeoPoint(LAT + northM / M_PER_DEG, LON + eastM / (M_PER_DEG * Math.cos(Math.toRadians(LAT))));
    }

    private static Zone gate(String id, String name, GateKind kind, double west, double south, double east, double north) {
        return new Zone(id, name, new ZoneShape.Polygon(new GeoPolygon(List.of(at(west, south), at(east, south), at(east, north),
                at(west, north)), List.of())), ZoneKind.INCLUSION, AltitudeBand.unlimited(), null, kind.category(), null,
                BreachPolicy.WARN, kind);
    }

    private static GateServiceGrpc.GateServiceBlockingStub commander() {
        return GateServiceGrpc.newBlockingStub(channel).withInterceptors(
                MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("cmdr", "commander")));
    }

    private static Gate listed(String id) {
        return commander().listGates(ListGatesRequest.getDefaultInstance()).getGatesList().stream()
                .filter(g -> g.getZone().getZoneId().equals(id)).findFirst().orElseThrow();
    }

    private static long count(List<GateKindCount> counts, GateSubjectKind kind, boolean in) {
        return counts.stream().filter(c -> c.getKind() == kind).mapToLong(c -> in ? c.getInCount() : c.getOutCount()).sum();
    }

    @Test
    void aDroneFlyingThroughASchoolsGateArrivesOnTheStreamAndInTheCounters() {
        server.geofences().save(gate("g-school", "东部新城 实验学校", GateKind.SCHOOL, -80, 120, 80, 180));
        var events = new StreamRecorder<StreamGateEventsRequest, StreamGateEventsResponse>(false);
        GateServiceGrpc.newStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(
                        CallerInterceptor.headers("cmdr", "commander")))
                .streamGateEvents(StreamGateEventsRequest.newBuilder().addGateIds("g-school").build(), events);

        Await.until(Duration.ofSeconds(90), "the drone in and out of the school's gate on the stream", () -> events.received.stream()
                .flatMap(r -> r.getCrossingsList().stream())
                .filter(c -> c.getSubjectKind() == GateSubjectKind.GATE_SUBJECT_KIND_DRONE)
                .map(c -> c.getDirection()).toList().containsAll(List.of(GateCrossingDirection.GATE_CROSSING_DIRECTION_IN,
                        GateCrossingDirection.GATE_CROSSING_DIRECTION_OUT)));
        var first = events.received.stream().flatMap(r -> r.getCrossingsList().stream()).findFirst().orElseThrow();
        assertThat(first.getGateId()).isEqualTo("g-school");
        assertThat(first.getDirection()).as("first seen south of the gate: in before out")
                .isEqualTo(GateCrossingDirection.GATE_CROSSING_DIRECTION_IN);
        assertThat(first.getWatched()).isFalse();

        Gate school = listed("g-school");
        assertThat(school.getZone().getCategory()).isEqualTo(GeofenceCategory.GEOFENCE_CATEGORY_SMALL_GATE);
        assertThat(school.getZone().getGateKind()).isEqualTo(org.skyfleet.proto.v1.GateKind.GATE_KIND_SCHOOL);
        assertThat(count(school.getLastHourList(), GateSubjectKind.GATE_SUBJECT_KIND_DRONE, true)).isGreaterThanOrEqualTo(1);
        assertThat(count(school.getTodayList(), GateSubjectKind.GATE_SUBJECT_KIND_DRONE, false)).isGreaterThanOrEqualTo(1);
        assertThat(school.getLastHourInCount()).isGreaterThanOrEqualTo(1);
        assertThat(school.getLatestList()).isNotEmpty();
        assertThat(commander().listGates(ListGatesRequest.newBuilder()
                .setCategory(GeofenceCategory.GEOFENCE_CATEGORY_CITY_GATE).build()).getGatesList())
                .noneMatch(g -> g.getZone().getZoneId().equals("g-school"));
    }

    @Test
    void aWatchedTrackWalkingIntoAMarketsGateIsAlertedAndOnItsIncidentsTimeline() {
        String incident = server.incidents().create(new NewIncident("110-gate-1", IncidentType.SUSPECT, IncidentPriority.P2,
                at(-500, 0), "", null, null), "dispatcher").incident().incidentId();
        server.geofences().save(gate("g-market", "菜市场", GateKind.MARKET, -600, 0, -400, 100));
        var officer = SightingServiceGrpc.newBlockingStub(channel).withInterceptors(
                MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("pc-7", "officer")));
        // a person running north at 5 m/s, seen every second and reported as seen (fusion takes a sighting older
        // than what it already coasted a track to as a new piece): first sampled by the gates outside, then inside
        java.time.Instant start = java.time.Instant.now().minusSeconds(4);
        for (int i = 0; i <= 3; i++) {
            report(officer, incident, i, -40 + 5 * i, start.plusSeconds(i));
        }
        Await.until(Duration.ofSeconds(10), "the track of the first sightings", () -> server.records().orElseThrow().tracks()
                .tracks().stream().anyMatch(t -> t.sightingIds().contains("gate-s-3")));
        long before = server.gates().samples();
        java.time.Instant walkedOn = start.plusSeconds(11);
        Await.until(Duration.ofSeconds(20), "the track seen outside the gate, and the rest of the walk happened",
                () -> server.gates().samples() >= before + 2 && !java.time.Instant.now().isBefore(walkedOn));
        for (int i = 4; i <= 11; i++) {
            report(officer, incident, i, -40 + 5 * i, start.plusSeconds(i));
        }
        Await.until(Duration.ofSeconds(15), "the watched crossing on the incident's timeline", () -> server.incidents().get(incident)
                .timeline().stream().anyMatch(e -> e.code().equals("NOTE_GATE_ENTERED")));
        var entry = server.incidents().get(incident).timeline().stream().filter(e -> e.code().equals("NOTE_GATE_ENTERED"))
                .findFirst().orElseThrow();
        assertThat(entry.params()).containsEntry("gate", "菜市场").containsKey("track");
        assertThat(server.console().alerts().since(0, 1000).changes()).anySatisfy(json -> {
            assertThat(json).contains("WATCHED_TRACK_AT_GATE").contains("菜市场").contains(entry.params().get("track"));
        });
        Gate market = listed("g-market");
        assertThat(market.getLatestList()).anySatisfy(c -> {
            assertThat(c.getWatched()).isTrue();
            assertThat(c.getIncidentId()).isEqualTo(incident);
            assertThat(c.getSubjectKind()).isEqualTo(GateSubjectKind.GATE_SUBJECT_KIND_TRACK);
        });
    }

    private static void report(SightingServiceGrpc.SightingServiceBlockingStub officer, String incident, int i, double northM,
                               java.time.Instant when) {
        GeoPoint p = at(-500, northM);
        officer.reportSighting(ReportSightingRequest.newBuilder().setSightingId("gate-s-" + i)
                .setTime(com.google.protobuf.Timestamp.newBuilder().setSeconds(when.getEpochSecond()))
                .setSource(SightingSource.SIGHTING_SOURCE_OFFICER).setSourceId("pc-7")
                .setPosition(org.skyfleet.proto.v1.GeoPoint.newBuilder().setLatDeg(p.latDeg()).setLonDeg(p.lonDeg()))
                .setSigmaM(10).setTargetClass(TargetClass.TARGET_CLASS_PERSON).setConfidence(0.9).setIncidentId(incident).build());
    }
}
