package org.skyfleet.server.automation;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.fleet.mission.MissionState;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.planner.geo.GreatCircle;
import org.skyfleet.planner.geo.LocalFrame;
import org.skyfleet.proto.v1.CreateIncidentRequest;
import org.skyfleet.proto.v1.GeoPoint;
import org.skyfleet.proto.v1.GetIncidentRequest;
import org.skyfleet.proto.v1.Incident;
import org.skyfleet.proto.v1.IncidentPriority;
import org.skyfleet.proto.v1.IncidentServiceGrpc;
import org.skyfleet.proto.v1.IncidentType;
import org.skyfleet.proto.v1.MissingPerson;
import org.skyfleet.proto.v1.ReportSightingRequest;
import org.skyfleet.proto.v1.SightingServiceGrpc;
import org.skyfleet.proto.v1.SightingSource;
import org.skyfleet.proto.v1.SubjectCategory;
import org.skyfleet.proto.v1.TargetClass;
import org.skyfleet.proto.v1.TimelineEntry;
import org.skyfleet.server.Await;
import org.skyfleet.server.FlownTime;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.scenario.CameraSpec;
import org.skyfleet.simulator.scenario.Scenario;
import org.skyfleet.simulator.scenario.ScenarioVehicle;
import org.skyfleet.simulator.sensor.CameraPreset;
import org.skyfleet.simulator.vehicle.SimVehicleKind;

/**
 * A searching drone's camera sees a possible person twice, one hit short of confirming, and the drone turns back
 * for a second look, over the real wire: its detections go in as its edge computer reports them (gRPC
 * ReportSighting), the server pauses its mission and sends it over the spot (MAVLink DO_PAUSE_CONTINUE, then
 * DO_REPOSITION to the simulated PX4), it holds there, and its mission resumes at the leg it left. A look whose
 * hover brings the third hit ends in the found subject's orbit instead. The sightings are the test's, so what the
 * server does with them is certain; the simulated camera sees nobody (there is nobody, and no false alarms).
 */
class SecondLookEndToEndTest {
    private static final GeoPoint CARE_HOME = GeoPoint.newBuilder().setLatDeg(53.3912).setLonDeg(-1.8647).build();
    /** Behind the drone on its leg, so it turns back. */
    private static final double BEHIND_M = 50;

    private static final FlownTime FLOWN_TIME = new FlownTime();
    private static SkyfleetServer server;
    private static Simulation sim;
    private static ManagedChannel channel;

    @BeforeAll
    static void start() throws Exception {
        server = SkyfleetServer.start(ServerConfig.ephemeral().withMavlinkSourceRate(20_000),
                AutomationConfig.defaults().withAcknowledgeTimeout(Duration.ofSeconds(20)), FLOWN_TIME);
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
        Scenario hill = Scenario.parse(Files.readString(Path.of("../scenarios/missing-person-forested-hill.json")));
        ScenarioVehicle drone = new ScenarioVehicle("drone-1", SimVehicleKind.MULTICOPTER, null, null, 1800.0, null, null, null,
                new CameraSpec(CameraPreset.THERMAL, 0), null, null, null, null);
        // 5x: the server's clock follows the simulation's; its GCS heartbeat is still 1 Hz of wall time, so the
        // lost-link failsafe is widened
        Scenario scenario = new Scenario(hill.name(), hill.description(), hill.seed(), 0, 5, hill.home(), hill.homeAltAmslM(),
                hill.area(), true, hill.canopyCover(), hill.wind(),
                new org.skyfleet.simulator.scenario.FailsafeSpec(25.0, 10.0, 300.0, null), List.of(drone), List.of(), List.of(),
                null, List.of());
        sim = Simulation.start(scenario, new InetSocketAddress("127.0.0.1", server.mavlinkAddress().getPort()));
        FLOWN_TIME.follow(sim);
        Await.until(Duration.ofSeconds(20), "the drone with a home position and a battery",
                () -> server.registry().all().stream().anyMatch(s -> s.home() != null && s.battery() != null));
    }

    @AfterAll
    static void stop() {
        if (sim != null) {
            sim.close();
        }
        if (channel != null) {
            channel.shutdownNow();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void twoHitsSendTheDroneBackToHoldOverTheSpotThenItsMissionResumesAndAThirdHitThereEndsInTheOrbit() {
        String vehicleId = server.registry().all().get(0).vehicleId();
        var incidents = as(IncidentServiceGrpc.newBlockingStub(channel), "dina", "dispatcher");
        var edge = as(SightingServiceGrpc.newBlockingStub(channel), vehicleId, "vehicle_edge");
        String id = incidents.createIncident(CreateIncidentRequest.newBuilder().setExternalId("CAD-SECOND-LOOK")
                .setType(IncidentType.INCIDENT_TYPE_MISSING_PERSON).setPriority(IncidentPriority.INCIDENT_PRIORITY_P1)
                .setLocation(CARE_HOME).setSubjectDescription("Woman, 79, dementia, red anorak")
                .setMissingPerson(MissingPerson.newBuilder().setLastKnownPoint(CARE_HOME)
                        .setCategory(SubjectCategory.SUBJECT_CATEGORY_DEMENTIA).setAgeYears(79)).build()).getIncident().getIncidentId();
        try {
            Await.until(Duration.ofSeconds(60), "the drone on its search leg at height", () -> onLeg(vehicleId));

            // two hits 50 m behind it: a tentative track one short of the burst
            org.skyfleet.planner.geo.GeoPoint first = behind(vehicleId);
            report(edge, vehicleId, "look-1a", first);
            report(edge, vehicleId, "look-1b", first);
            Await.until(Duration.ofSeconds(10), "the second look on the timeline", () -> coded(incidents, id, "SECOND_LOOK").size() == 1);
            TimelineEntry look = coded(incidents, id, "SECOND_LOOK").get(0);
            assertThat(look.getParamsMap()).containsEntry("vehicle", vehicleId).containsEntry("hold_s", "25");
            String missionId = server.missions().activeOf(vehicleId).orElseThrow().missionId();
            Await.until(Duration.ofSeconds(10), "the mission paused", () -> missionState(missionId) == MissionState.PAUSED);
            Await.until(Duration.ofSeconds(30), "the drone over the spot", () -> distanceM(vehicleId, first) <= SecondLook.ARRIVED_M);
            assertThat(coded(incidents, id, "SECOND_LOOK_RESUMED")).as("held for its 25 s first").isEmpty();

            // nothing more seen: after the hold the mission resumes and the drone flies on along its legs
            Await.until(Duration.ofSeconds(30), "the search resumed", () -> coded(incidents, id, "SECOND_LOOK_RESUMED").size() == 1);
            assertThat(missionState(missionId)).isEqualTo(MissionState.FLYING);
            Await.until(Duration.ofSeconds(30), "the drone gone on from the spot", () -> distanceM(vehicleId, first) > 60);
            assertThat(coded(incidents, id, "TRACK_CONFIRMED_BY")).isEmpty();

            // two hits at a new spot, and while it looks there, the third: confirmed, and the drone stays to orbit (once the
            // first track has gone stale: nearer its growing gate, they would be that track's, which had its look)
            String firstTrack = look.getParamsMap().get("track");
            Await.until(Duration.ofSeconds(60), "the first track dropped and the drone on its leg",
                    () -> server.tracks().track(firstTrack).isEmpty() && onLeg(vehicleId));
            org.skyfleet.planner.geo.GeoPoint second = behind(vehicleId);
            report(edge, vehicleId, "look-2a", second);
            report(edge, vehicleId, "look-2b", second);
            Await.until(Duration.ofSeconds(10), "the second look at the new spot", () -> coded(incidents, id, "SECOND_LOOK").size() == 2);
            assertThat(coded(incidents, id, "SECOND_LOOK").get(1).getParamsMap().get("track"))
                    .isNotEqualTo(look.getParamsMap().get("track"));
            report(edge, vehicleId, "look-2c", second);
            Await.until(Duration.ofSeconds(10), "the track confirmed by the hover's hit",
                    () -> coded(incidents, id, "TRACK_CONFIRMED_BY").size() == 1);
            Await.until(Duration.ofSeconds(10), "the finder orbiting", () -> coded(incidents, id, "DRONE_ORBITING").size() == 1);
            assertThat(coded(incidents, id, "SECOND_LOOK_RESUMED")).as("the orbit took over, nothing resumed").hasSize(1);
            assertThat(coded(incidents, id, "SECOND_LOOK")).as("one look per track").hasSize(2);
        } catch (AssertionError e) {
            get(incidents, id).getTimelineList().forEach(x -> System.out.println("TIMELINE " + x.getCode() + " " + x.getText()));
            throw e;
        }
    }

    /** Flying its search mission, at the camera's height, not on a look. */
    private static boolean onLeg(String vehicleId) {
        VehicleState v = server.registry().find(vehicleId).orElse(null);
        return v != null && v.position() != null && v.position().altRelM() > 50 && Math.hypot(v.position().vEastMps(), v.position().vNorthMps()) > 5
                && server.missions().activeOf(vehicleId).map(m -> m.state() == MissionState.FLYING).orElse(false);
    }

    /** {@link #BEHIND_M} behind the drone, against its velocity. */
    private static org.skyfleet.planner.geo.GeoPoint behind(String vehicleId) {
        var p = server.registry().find(vehicleId).orElseThrow().position();
        double speed = Math.hypot(p.vEastMps(), p.vNorthMps());
        return new LocalFrame(new org.skyfleet.planner.geo.GeoPoint(p.latDeg(), p.lonDeg()))
                .toGeo(-p.vEastMps() / speed * BEHIND_M, -p.vNorthMps() / speed * BEHIND_M);
    }

    private static double distanceM(String vehicleId, org.skyfleet.planner.geo.GeoPoint spot) {
        var p = server.registry().find(vehicleId).orElseThrow().position();
        return GreatCircle.distanceM(new org.skyfleet.planner.geo.GeoPoint(p.latDeg(), p.lonDeg()), spot);
    }

    private static void report(SightingServiceGrpc.SightingServiceBlockingStub edge, String vehicleId, String sightingId,
                               org.skyfleet.planner.geo.GeoPoint at) {
        edge.reportSighting(ReportSightingRequest.newBuilder().setSightingId(sightingId)
                .setSource(SightingSource.SIGHTING_SOURCE_DRONE).setSourceId(vehicleId)
                .setPosition(GeoPoint.newBuilder().setLatDeg(at.latDeg()).setLonDeg(at.lonDeg()))
                .setSigmaM(3).setTargetClass(TargetClass.TARGET_CLASS_PERSON).setConfidence(0.6).build());
    }

    private static MissionState missionState(String missionId) {
        return server.missions().find(missionId).orElseThrow().state();
    }

    private static <S extends io.grpc.stub.AbstractStub<S>> S as(S stub, String subject, String role) {
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers(subject, role)));
    }

    private static Incident get(IncidentServiceGrpc.IncidentServiceBlockingStub s, String id) {
        return s.getIncident(GetIncidentRequest.newBuilder().setIncidentId(id).build()).getIncident();
    }

    private static List<TimelineEntry> coded(IncidentServiceGrpc.IncidentServiceBlockingStub s, String id, String code) {
        return get(s, id).getTimelineList().stream().filter(e -> e.getCode().equals(code)).toList();
    }
}
