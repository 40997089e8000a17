package org.skyfleet.server.response;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.fleet.airframe.AirframeProfile;
import org.skyfleet.fleet.airframe.AirframeType;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.geofence.AltitudeBand;
import org.skyfleet.fleet.geofence.BreachPolicy;
import org.skyfleet.fleet.geofence.Zone;
import org.skyfleet.fleet.geofence.ZoneApplicability;
import org.skyfleet.fleet.geofence.ZoneCategory;
import org.skyfleet.fleet.geofence.ZoneKind;
import org.skyfleet.fleet.geofence.ZoneShape;
import org.skyfleet.fleet.response.ResponsePolicy;
import org.skyfleet.fleet.store.InMemoryStore;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GreatCircle;
import org.skyfleet.proto.v1.CreateIncidentRequest;
import org.skyfleet.proto.v1.GetIncidentRequest;
import org.skyfleet.proto.v1.GetTimeToSceneRequest;
import org.skyfleet.proto.v1.IncidentPriority;
import org.skyfleet.proto.v1.IncidentServiceGrpc;
import org.skyfleet.proto.v1.IncidentType;
import org.skyfleet.proto.v1.ReleaseResponseRequest;
import org.skyfleet.proto.v1.ReportSightingRequest;
import org.skyfleet.proto.v1.SightingServiceGrpc;
import org.skyfleet.proto.v1.SightingSource;
import org.skyfleet.proto.v1.TargetClass;
import org.skyfleet.proto.v1.ResponseServiceGrpc;
import org.skyfleet.proto.v1.TimeToScene;
import org.skyfleet.proto.v1.TimelineEntry;
import org.skyfleet.server.Await;
import org.skyfleet.server.automation.AutomationConfig;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.server.vessel.SeaGateConfig;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.controlplane.VehicleIds;
import org.skyfleet.simulator.scenario.Scenario;

/**
 * Drone as first responder over the real wire, the simulator 20 times faster than real time, in Ningbo's
 * Dongbu Xincheng: two drones at a dock, one at another 3 km west, and a no-fly zone 800 m north. A call in the
 * no-fly zone is refused with the reason; a traffic call 1.5 km east and a disturbance 2 km west, arriving at
 * once, get two drones (the nearest to each), each launched within 2 s of its call and orbiting its scene; the
 * drones' cameras are held on their scenes (ROI: the gimbal's reported attitude centres the picture on the crash), and an officer's sighting of the brawlers 150 m up the street
 * moves the circle and the camera over the disturbance there; the drone over the traffic call, launched on a
 * part-charged battery, is relieved by its dock mate before it reaches what it needs to fly home, and only then
 * leaves; the commander's release sends the drones home.
 */
class FirstResponseEndToEndTest {
    private static final double SCALE = 20;
    private static final GeoPoint DOCK_A = new GeoPoint(29.872, 121.556);
    private static final double M_PER_DEG = 111_320.0;
    private static final String SCENARIO = """
            {"name": "first-response-e2e", "description": "two docks in Dongbu Xincheng", "seed": 26,
             "durationS": 3600, "timeScale": 20, "home": {"latDeg": 29.872, "lonDeg": 121.556}, "homeAltAmslM": 5,
             "area": [], "night": false, "canopyCover": 0, "wind": {"speedMps": 0, "fromDeg": 0, "gustMps": 0},
             "failsafe": {"batteryReturnPercent": 15, "batteryLandPercent": 8, "lostLinkTimeoutS": 600, "fenceAction": "HOLD"},
             "vehicles": [
               {"name": "dock-a-1", "type": "MULTICOPTER", "start": %s, "batteryPercent": 60, "enduranceS": 1500,
                "maxSpeedMps": 15, "cruiseSpeedMps": 15},
               {"name": "dock-a-2", "type": "MULTICOPTER", "start": %s, "enduranceS": 1500, "maxSpeedMps": 15, "cruiseSpeedMps": 15},
               {"name": "dock-b", "type": "MULTICOPTER", "start": %s, "enduranceS": 1500, "maxSpeedMps": 15, "cruiseSpeedMps": 15}],
             "targets": [], "faults": []}
            """.formatted(json(at(0, 0)), json(at(0, -30)), json(at(0, -3000)));

    private static SkyfleetServer server;
    private static Simulation sim;
    private static ManagedChannel channel;
    private static Function<String, String> ids;
    private static IncidentServiceGrpc.IncidentServiceBlockingStub dispatcher;
    private static ResponseServiceGrpc.ResponseServiceBlockingStub commander;

    @BeforeAll
    static void start() throws Exception {
        // a short hold over the scene, so the part-charged drone may fly and is relieved within the test
        ResponsePolicy policy = ResponsePolicy.defaults();
        policy = new ResponsePolicy(policy.modes(), policy.approvalTimeout(), policy.altitudeRelM(), policy.orbitRadiusM(),
                policy.orbitSpeedMps(), policy.onSceneRadiusM(), policy.maxRangeM(), 60, policy.reservePercent());
        server = SkyfleetServer.start(ServerConfig.ephemeral().withMavlinkSourceRate(20_000), AutomationConfig.defaults(),
                new InMemoryStore(), InstantSource.system(), org.skyfleet.app.NodeParts.defaults().withResponse(policy));
        server.geofences().save(new Zone("z-hospital", "hospital helipad", new ZoneShape.Circle(at(800, 0), 150), ZoneKind.EXCLUSION,
                AltitudeBand.relative(0, 500), null, ZoneCategory.CROWD_EVENT, ZoneApplicability.all(), BreachPolicy.WARN));
        Scenario scenario = Scenario.parse(SCENARIO);
        ids = VehicleIds.mavlink(scenario, server.links().get(0).config().linkName());
        sim = Simulation.start(scenario, new InetSocketAddress("127.0.0.1", server.mavlinkAddress().getPort()));
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
        dispatcher = IncidentServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("desk-3", "dispatcher")));
        commander = ResponseServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("chief", "commander")));
        Await.until(Duration.ofSeconds(20), "three drones linked with a position and a battery",
                () -> server.registry().all().stream().filter(s -> s.position() != null && s.battery() != null
                        && s.home() != null).count() == 3);
        // thermal-camera quadrotors of the simulated drones' figures: the night rule lets them fly whatever the hour
        Operator pilot = new Operator("pilot-li", Operator.Role.PILOT);
        server.aircraft().airframes().create(new AirframeProfile("dfr-quad", "DFR quadrotor", AirframeType.MULTICOPTER, 15, 15, 3,
                1500, 12, "zoom and thermal camera", "PX4", 0, 0, 0, 0), pilot);
        for (String name : List.of("dock-a-1", "dock-a-2", "dock-b")) {
            server.aircraft().airframes().bind(ids.apply(name), "dfr-quad", pilot);
        }
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

    @Test
    void aCallInANoFlyZoneIsRefusedWithTheReasonAndNoDroneMoves() {
        String id = call(IncidentType.INCIDENT_TYPE_SUSPECT, at(800, 20));
        TimelineEntry refusal = awaitEntry(id, "NOTE_RESPONSE_REFUSED_NO_FLY_ZONE", Duration.ofSeconds(5));
        assertThat(refusal.getText()).contains("hospital helipad");
        assertThat(commander.getTimeToScene(GetTimeToSceneRequest.newBuilder().setIncidentId(id).build()).getTimeToScene().getState())
                .isEqualTo("REFUSED");
    }

    @Test
    void twoCallsAtOnceGetTwoDronesThatOrbitTheirScenesAndTheFirstIsRelievedBeforeItsReserve() {
        GeoPoint crash = at(0, 1500);
        GeoPoint fight = at(0, -2000);
        String traffic = call(IncidentType.INCIDENT_TYPE_TRAFFIC, crash);
        String disturbance = call(IncidentType.INCIDENT_TYPE_DISTURBANCE, fight);

        TimeToScene t1 = awaitStage(traffic, TimeToScene::hasOnScene, Duration.ofSeconds(25));
        TimeToScene t2 = awaitStage(disturbance, TimeToScene::hasOnScene, Duration.ofSeconds(25));
        assertThat(t1.getVehicleId()).isEqualTo(ids.apply("dock-a-1"));
        assertThat(t2.getVehicleId()).as("the second call gets its own drone, the nearest free one").isEqualTo(ids.apply("dock-b"));
        for (TimeToScene t : List.of(t1, t2)) {
            assertThat(t.getLaunchCommandedS()).as("launch commanded after the call, s").isBetween(0.0, 2.0);
            assertThat(t.getAirborneS()).isGreaterThanOrEqualTo(t.getLaunchCommandedS());
        }
        // on scene within 120 s of the call (1.5 km at 15 m/s, climbing to 60 m on the way): the server's work until
        // the launch is real time, the flight from then on simulated (20 s of it to each second of the test's)
        double onSceneS = t1.getLaunchCommandedS() + (t1.getOnSceneS() - t1.getLaunchCommandedS()) * SCALE;
        assertThat(onSceneS).as("seconds from the call to on scene, of " + t1).isLessThanOrEqualTo(120);
        assertThat(t1.getViewUrl()).isEqualTo("/api/v1/video/" + t1.getVehicleId() + "/ws");

        // circling the crash with the nose on it: in ORBIT, on the 40 m circle
        Await.until(Duration.ofSeconds(10), "dock-a-1 on its 40 m circle round the crash", () -> {
            VehicleState v = server.registry().find(ids.apply("dock-a-1")).orElseThrow();
            double r = GreatCircle.distanceM(new GeoPoint(v.position().latDeg(), v.position().lonDeg()), crash);
            return "ORBIT".equals(v.status().flightMode()) && Math.abs(r - 40) < 8;
        });
        // and its camera held on the crash (DO_SET_ROI_LOCATION at the ground): answered, and kept by its autopilot
        Await.until(Duration.ofSeconds(5), "dock-a-1's camera on the crash", () -> {
            var drone = sim.vehicle("dock-a-1");
            var roi = drone.autopilot().roi();
            return roi != null && roi.altRelM() == 0 && GreatCircle.distanceM(crash,
                    new GeoPoint(drone.vehicle().frame().latDeg(roi.northM()), drone.vehicle().frame().lonDeg(roi.eastM()))) < 1;
        });
        // the gimbal turns to it as the drone circles: the attitude the server reads off the wire (GIMBAL_DEVICE_ATTITUDE_STATUS)
        // with the drone's position and heading puts the picture's centre on the crash, and so does the simulated camera's
        // rendered footprint
        try {
            Await.until(Duration.ofSeconds(10), "dock-a-1's picture centred on the crash, as reported and as rendered", () -> {
                var camera = server.cameraReports().latest(ids.apply("dock-a-1")).orElse(null);
                VehicleState v = server.registry().find(ids.apply("dock-a-1")).orElseThrow();
                if (camera == null || v.position() == null || camera.gimbalPitchDeg() > -20) {
                    return false;
                }
                var drone = sim.vehicle("dock-a-1");
                var g = drone.gimbalCamera();
                var scene = new org.skyfleet.simulator.video.CameraScene("dock-a-1", 0, drone.vehicle().eastM(), drone.vehicle().northM(),
                        drone.vehicle().altitudeRelM(), drone.vehicle().headingDeg(), 60, false, List.of(), List.of(), g.pitchDeg(), g.yawDeg());
                double[] rendered = scene.footprintCentre();
                GeoPoint renderedAt = new GeoPoint(drone.vehicle().frame().latDeg(rendered[1]), drone.vehicle().frame().lonDeg(rendered[0]));
                return GreatCircle.distanceM(pictureCentre(v, camera.gimbalPitchDeg(), camera.gimbalYawDeg()), crash) < 10
                        && GreatCircle.distanceM(renderedAt, crash) < 5;
            });
        } catch (AssertionError e) {
            var camera = server.cameraReports().latest(ids.apply("dock-a-1"));
            VehicleState v = server.registry().find(ids.apply("dock-a-1")).orElseThrow();
            throw new AssertionError(e.getMessage() + "; reported " + camera + "; centre " + camera.map(c -> GreatCircle.distanceM(
                    pictureCentre(v, c.gimbalPitchDeg(), c.gimbalYawDeg()), crash) + " m from the crash").orElse("?"), e);
        }
        assertThat(server.audit().entries()).anySatisfy(a -> {
            assertThat(a.action()).isEqualTo("camera on the scene");
            assertThat(a.vehicleId()).isEqualTo(ids.apply("dock-a-1"));
            assertThat(a.result()).isEqualTo("ACCEPTED");
        });

        // the brawlers run 150 m up the street: an officer's sighting for the disturbance, fused into a track of it,
        // takes dock-b's circle and camera there
        GeoPoint fled = at(150, -2000);
        SightingServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("officer-7", "officer")))
                .reportSighting(ReportSightingRequest.newBuilder().setSightingId("officer-7-1").setSource(SightingSource.SIGHTING_SOURCE_OFFICER)
                        .setSourceId("officer-7").setPosition(org.skyfleet.proto.v1.GeoPoint.newBuilder().setLatDeg(fled.latDeg())
                                .setLonDeg(fled.lonDeg())).setSigmaM(5).setTargetClass(TargetClass.TARGET_CLASS_PERSON)
                        .setConfidence(0.9).setIncidentId(disturbance).build());
        try {
            Await.until(Duration.ofSeconds(10), "dock-b's camera on the fled brawlers and its circle round them", () -> {
                var drone = sim.vehicle("dock-b");
                var roi = drone.autopilot().roi();
                VehicleState v = server.registry().find(ids.apply("dock-b")).orElseThrow();
                double r = GreatCircle.distanceM(new GeoPoint(v.position().latDeg(), v.position().lonDeg()), fled);
                return roi != null && GreatCircle.distanceM(fled, new GeoPoint(drone.vehicle().frame().latDeg(roi.northM()),
                        drone.vehicle().frame().lonDeg(roi.eastM()))) < 1 && "ORBIT".equals(v.status().flightMode()) && Math.abs(r - 40) < 8;
            });
        } catch (AssertionError e) {
            throw explained(disturbance, e);
        }

        // relieved by its dock mate, and only then sent home, above the reserve
        TimelineEntry relieved = awaitEntry(traffic, "DRONE_RESPONSE_RELIEVED", Duration.ofSeconds(25));
        assertThat(relieved.getVehicleId()).isEqualTo(ids.apply("dock-a-2"));
        VehicleState first = server.registry().find(ids.apply("dock-a-1")).orElseThrow();
        assertThat(first.battery().remainingPercent()).as("dock-a-1's battery when relieved")
                .isGreaterThan(ResponsePolicy.defaults().reservePercent());
        assertThat(timeline(traffic)).extracting(TimelineEntry::getCode).doesNotContain("DRONE_RESPONSE_LEFT_UNWATCHED");
        assertThat(commander.getTimeToScene(GetTimeToSceneRequest.newBuilder().setIncidentId(traffic).build()).getTimeToScene()
                .getVehicleId()).isEqualTo(ids.apply("dock-a-2"));

        commander.releaseResponse(ReleaseResponseRequest.newBuilder().setIncidentId(traffic).setReason("scene cleared").build());
        commander.releaseResponse(ReleaseResponseRequest.newBuilder().setIncidentId(disturbance).setReason("crowd gone").build());
        assertThat(timeline(traffic)).extracting(TimelineEntry::getCode).contains("DRONE_RESPONSE_RELEASED");
        assertThat(server.meters().scrape()).contains("skyfleet_response_time_to_stage_seconds_count{stage=\"on_scene\"}");
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static String call(IncidentType type, GeoPoint where) {
        return dispatcher.createIncident(CreateIncidentRequest.newBuilder().setType(type)
                .setPriority(IncidentPriority.INCIDENT_PRIORITY_P1).setSubjectDescription("110 call")
                .setLocation(org.skyfleet.proto.v1.GeoPoint.newBuilder().setLatDeg(where.latDeg()).setLonDeg(where.lonDeg()))
                .build()).getIncident().getIncidentId();
    }

    private static List<TimelineEntry> timeline(String incidentId) {
        return dispatcher.getIncident(GetIncidentRequest.newBuilder().setIncidentId(incidentId).build()).getIncident().getTimelineList();
    }

    private static TimelineEntry awaitEntry(String incidentId, String code, Duration within) {
        try {
            Await.until(within, code + " on " + incidentId + "'s timeline",
                    () -> timeline(incidentId).stream().anyMatch(e -> e.getCode().equals(code)));
        } catch (AssertionError e) {
            throw explained(incidentId, e);
        }
        return timeline(incidentId).stream().filter(e -> e.getCode().equals(code)).findFirst().orElseThrow();
    }

    private static TimeToScene awaitStage(String incidentId, java.util.function.Predicate<TimeToScene> reached, Duration within) {
        try {
            Await.until(within, "the response to " + incidentId + " on scene", () -> {
                try {
                    return reached.test(clock(incidentId));
                } catch (io.grpc.StatusRuntimeException e) {
                    return false; // the call is still on its way to the response thread
                }
            });
        } catch (AssertionError e) {
            throw explained(incidentId, e);
        }
        return clock(incidentId);
    }

    /** The failure with what the incident's timeline, the response's journal and the drones say. */
    private static AssertionError explained(String incidentId, AssertionError e) {
        return new AssertionError(e.getMessage() + "; timeline: " + timeline(incidentId).stream()
                .map(x -> x.getCode() + " " + x.getText()).toList() + "; journal: " + server.audit().entries().stream()
                .filter(a -> a.actor().contains("automation-response"))
                .map(a -> a.action() + " " + a.vehicleId() + " " + a.detail() + " " + a.result()).toList() + "; drones: "
                + server.registry().all().stream().map(v -> v.vehicleId() + " " + v.status().flightMode() + " "
                        + (v.battery() == null ? "?" : Math.round(v.battery().remainingPercent())) + " %").toList(), e);
    }

    /** Where the picture's centre falls on flat ground at home's level: the drone's position, heading and gimbal, as received. */
    private static GeoPoint pictureCentre(VehicleState v, double pitchDeg, double yawDeg) {
        double aheadM = v.position().altRelM() / Math.tan(Math.toRadians(-pitchDeg));
        double bearing = Math.toRadians(v.position().headingDeg() + yawDeg);
        double north = aheadM * Math.cos(bearing);
        double east = aheadM * Math.sin(bearing);
        return new GeoPoint(v.position().latDeg() + north / M_PER_DEG,
                v.position().lonDeg() + east / (M_PER_DEG * Math.cos(Math.toRadians(v.position().latDeg()))));
    }

    private static TimeToScene clock(String incidentId) {
        return commander.getTimeToScene(GetTimeToSceneRequest.newBuilder().setIncidentId(incidentId).build()).getTimeToScene();
    }

    private static GeoPoint at(double northM, double eastM) {
        return new GeoPoint(DOCK_A.latDeg() + northM / M_PER_DEG,
                DOCK_A.lonDeg() + eastM / (M_PER_DEG * Math.cos(Math.toRadians(DOCK_A.latDeg()))));
    }

    private static String json(GeoPoint p) {
        return "{\"latDeg\": " + p.latDeg() + ", \"lonDeg\": " + p.lonDeg() + "}";
    }
}
