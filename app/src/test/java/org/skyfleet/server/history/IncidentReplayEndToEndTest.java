package org.skyfleet.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.fleet.replay.TrackDecimator;
import org.skyfleet.fleet.store.PositionSample;
import org.skyfleet.proto.v1.CloseIncidentRequest;
import org.skyfleet.proto.v1.CreateIncidentRequest;
import org.skyfleet.proto.v1.FleetServiceGrpc;
import org.skyfleet.proto.v1.GeoPoint;
import org.skyfleet.proto.v1.GetIncidentReplayRequest;
import org.skyfleet.proto.v1.GetIncidentRequest;
import org.skyfleet.proto.v1.GetMissionReplayRequest;
import org.skyfleet.proto.v1.GetPositionHistoryRequest;
import org.skyfleet.proto.v1.Incident;
import org.skyfleet.proto.v1.IncidentPriority;
import org.skyfleet.proto.v1.IncidentServiceGrpc;
import org.skyfleet.proto.v1.IncidentType;
import org.skyfleet.proto.v1.MissingPerson;
import org.skyfleet.proto.v1.PositionHistorySample;
import org.skyfleet.proto.v1.Replay;
import org.skyfleet.proto.v1.ReplayPoint;
import org.skyfleet.proto.v1.ReplayServiceGrpc;
import org.skyfleet.proto.v1.ReplaySubject;
import org.skyfleet.proto.v1.ReplayTrack;
import org.skyfleet.proto.v1.TimelineEntry;
import org.skyfleet.proto.v1.TimelineKind;
import org.skyfleet.server.Await;
import org.skyfleet.server.GrpcAssert;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.server.grpc.ProtoMapper;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.scenario.Scenario;

/**
 * Through the real wire: a simulated drone over MAVLink UDP is launched by a P1 missing-person search; a
 * commander's replay of the open incident holds the drone's track thinned within the asked budget, every
 * recorded position within the stated error of it, and the timeline so far; after the close, the replay
 * ends at the close. A mission replays alone; officers are refused; a bad budget is named.
 */
class IncidentReplayEndToEndTest {
    private static final String SCENARIO = """
            {"name": "replay", "description": "one drone on the pad", "seed": 11, "durationS": 3600, "timeScale": 10,
             "home": {"latDeg": 53.385, "lonDeg": -1.873}, "homeAltAmslM": 300, "area": [], "night": false, "canopyCover": 0,
             "wind": {"speedMps": 0, "fromDeg": 0, "gustMps": 0},
             "failsafe": {"batteryReturnPercent": 20, "batteryLandPercent": 8, "lostLinkTimeoutS": 60, "fenceAction": "HOLD"},
             "vehicles": [{"name": "d1", "type": "MULTICOPTER", "camera": {"preset": "THERMAL", "falsePositivesPerMin": 0}}],
             "targets": [], "faults": []}
            """;
    private static final int BUDGET = 12;
    /** Seconds of recorded flight (1 Hz) before replaying: enough that thinning has something to drop. */
    private static final int SAMPLES_FLOWN = 20;

    private static SkyfleetServer server;
    private static Simulation sim;
    private static ManagedChannel channel;

    @BeforeAll
    static void start() throws Exception {
        server = SkyfleetServer.start(ServerConfig.ephemeral(), InstantSource.system());
        sim = Simulation.start(Scenario.parse(SCENARIO), new InetSocketAddress("127.0.0.1", server.mavlinkAddress().getPort()));
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
        Await.until(Duration.ofSeconds(30), "the drone with home and battery",
                () -> server.registry().all().stream().anyMatch(s -> s.home() != null && s.battery() != null));
    }

    @AfterAll
    static void stop() {
        if (channel != null) {
            channel.shutdownNow();
        }
        if (sim != null) {
            sim.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static <S extends io.grpc.stub.AbstractStub<S>> S as(S stub, String subject, String role) {
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers(subject, role)));
    }

    private static Incident incident(String id) {
        return as(IncidentServiceGrpc.newBlockingStub(channel), "cmdr", "commander")
                .getIncident(GetIncidentRequest.newBuilder().setIncidentId(id).build()).getIncident();
    }

    private static Replay replay(String id) {
        return as(ReplayServiceGrpc.newBlockingStub(channel), "cmdr", "commander").getIncidentReplay(GetIncidentReplayRequest
                .newBuilder().setIncidentId(id).setMaxPoints(BUDGET).build()).getReplay();
    }

    private static List<PositionHistorySample> history(String vehicleId, Instant from, Instant to) {
        return as(FleetServiceGrpc.newBlockingStub(channel), "cmdr", "commander").getPositionHistory(GetPositionHistoryRequest
                .newBuilder().setVehicleId(vehicleId).setFrom(ProtoMapper.timestamp(from)).setTo(ProtoMapper.timestamp(to))
                .build()).getSamplesList();
    }

    @Test
    void anIncidentsDroneAndTimelinePlayBackWithinTheBudgetAndTheStatedError() {
        GeoPoint lkp = GeoPoint.newBuilder().setLatDeg(53.388).setLonDeg(-1.869).build();
        Incident created = as(IncidentServiceGrpc.newBlockingStub(channel), "dana", "dispatcher").createIncident(
                CreateIncidentRequest.newBuilder().setExternalId("CAD-REPLAY").setType(IncidentType.INCIDENT_TYPE_MISSING_PERSON)
                        .setPriority(IncidentPriority.INCIDENT_PRIORITY_P1).setLocation(lkp).setSubjectDescription("man, 80, blue coat")
                        .setMissingPerson(MissingPerson.newBuilder().setLastKnownPoint(lkp).setAgeYears(80)).build()).getIncident();
        String id = created.getIncidentId();
        Instant reported = ProtoMapper.instant(created.getReportedAt());
        Await.until(Duration.ofSeconds(60), "a drone launched", () -> incident(id).getTimelineList().stream()
                .anyMatch(e -> e.getKind() == TimelineKind.TIMELINE_KIND_DRONE_LAUNCHED));
        TimelineEntry launched = incident(id).getTimelineList().stream()
                .filter(e -> e.getKind() == TimelineKind.TIMELINE_KIND_DRONE_LAUNCHED).findFirst().orElseThrow();
        String drone = launched.getVehicleId();
        Await.until(Duration.ofSeconds(60), SAMPLES_FLOWN + " s of flight recorded",
                () -> history(drone, reported, Instant.now()).size() >= SAMPLES_FLOWN);

        Replay open = replay(id);
        assertThat(open.getOpen()).isTrue();
        assertThat(ProtoMapper.instant(open.getFrom())).isEqualTo(reported);
        ReplayTrack track = open.getTracksList().stream().filter(t -> t.getSubjectId().equals(drone)).findFirst().orElseThrow();
        assertThat(track.getSubject()).isEqualTo(ReplaySubject.REPLAY_SUBJECT_VEHICLE);
        assertThat(track.getPointsCount()).isBetween(2, BUDGET);
        assertThat(open.getPoints()).isLessThanOrEqualTo(BUDGET);
        assertThat(track.getSamples()).isGreaterThanOrEqualTo(SAMPLES_FLOWN);
        // every recorded position in the window is within the stated error of the replayed track at its time
        Instant to = ProtoMapper.instant(open.getTo());
        List<PositionSample> kept = track.getPointsList().stream().map(p -> sample(drone, p)).toList();
        // up to the last point replayed: positions written since (the recorder flushes once a second) are not its business
        List<PositionSample> recorded = history(drone, reported, kept.get(kept.size() - 1).time().plusMillis(1)).stream()
                .map(s -> sample(drone, s)).toList();
        assertThat(recorded.size()).isEqualTo(track.getSamples());
        assertThat(kept.get(0).time()).isEqualTo(recorded.get(0).time().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(kept.get(kept.size() - 1).time())
                .isEqualTo(recorded.get(recorded.size() - 1).time().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        for (PositionSample r : recorded) {
            int leg = 1;
            while (leg < kept.size() - 1 && kept.get(leg).time().isBefore(r.time())) {
                leg++;
            }
            assertThat(TrackDecimator.synchronisedDistanceM(kept.get(leg - 1), kept.get(leg), r))
                    .as("recorded at %s", r.time()).isLessThanOrEqualTo(track.getMaxErrorM() + 0.5);
        }
        assertThat(open.getTimelineList()).extracting(e -> e.getCode().isEmpty() ? e.getKind().name() : e.getCode())
                .containsSubsequence("CREATED", "DRONE_LAUNCHED");
        assertThat(open.getTimelineList()).allSatisfy(e -> assertThat(ProtoMapper.instant(e.getTime())).isBeforeOrEqualTo(to));

        // its mission alone
        String missionId = launched.getParamsOrDefault("mission", "");
        assertThat(missionId).isNotEmpty();
        Replay mission = as(ReplayServiceGrpc.newBlockingStub(channel), "pat", "pilot")
                .getMissionReplay(GetMissionReplayRequest.newBuilder().setMissionId(missionId).build()).getReplay();
        assertThat(mission.getTracksList()).singleElement().satisfies(t -> {
            assertThat(t.getSubjectId()).isEqualTo(drone);
            assertThat(t.getPointsCount()).isGreaterThanOrEqualTo(2);
        });
        assertThat(mission.getTimelineList()).anySatisfy(e -> {
            assertThat(e.getCode()).isEqualTo("MISSION_STATE");
            assertThat(e.getParamsMap()).containsEntry("mission_state", "FLYING");
        });

        // closed: the replay ends at the close, with the close on its timeline
        as(IncidentServiceGrpc.newBlockingStub(channel), "cmdr", "commander").closeIncident(CloseIncidentRequest.newBuilder()
                .setIncidentId(id).setReason("found safe at home").build());
        Replay closed = replay(id);
        assertThat(closed.getOpen()).isFalse();
        assertThat(closed.getTo()).isEqualTo(incident(id).getClosedAt());
        assertThat(closed.getTimelineList()).last().satisfies(e -> assertThat(e.getKind()).isEqualTo(TimelineKind.TIMELINE_KIND_CLOSED));
    }

    @Test
    void officersAreRefusedAndBadQuestionsAreNamed() {
        GrpcAssert.assertStatus(() -> as(ReplayServiceGrpc.newBlockingStub(channel), "olly", "officer")
                .getIncidentReplay(GetIncidentReplayRequest.newBuilder().setIncidentId("inc-0001").build()),
                Status.Code.PERMISSION_DENIED, "ReplayService");
        var cmdr = as(ReplayServiceGrpc.newBlockingStub(channel), "cmdr", "commander");
        GrpcAssert.assertStatus(() -> cmdr.getIncidentReplay(GetIncidentReplayRequest.newBuilder().setIncidentId("inc-9999").build()),
                Status.Code.NOT_FOUND, "inc-9999");
        GrpcAssert.assertStatus(() -> cmdr.getIncidentReplay(GetIncidentReplayRequest.newBuilder().setIncidentId("inc-0001")
                .setMaxPoints(300_000).build()), Status.Code.INVALID_ARGUMENT, "max_points");
        GrpcAssert.assertStatus(() -> cmdr.getMissionReplay(GetMissionReplayRequest.getDefaultInstance()),
                Status.Code.INVALID_ARGUMENT, "mission_id is required");
        GrpcAssert.assertStatus(() -> cmdr.getMissionReplay(GetMissionReplayRequest.newBuilder().setMissionId("m-none")
                .setToleranceM(-1).build()), Status.Code.INVALID_ARGUMENT, "tolerance_m");
    }

    private static PositionSample sample(String id, PositionHistorySample s) {
        return new PositionSample(id, ProtoMapper.instant(s.getTime()), s.getLatDeg(), s.getLonDeg(), s.getAltAmslM());
    }

    private static PositionSample sample(String id, ReplayPoint p) {
        return new PositionSample(id, Instant.ofEpochMilli(p.getTimeUnixMs()), p.getLatDeg(), p.getLonDeg(), p.getAltAmslM());
    }
}
