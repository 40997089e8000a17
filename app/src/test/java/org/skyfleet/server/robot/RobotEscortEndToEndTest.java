package org.skyfleet.server.robot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skyfleet.server.GrpcAssert.assertStatus;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.fleet.geofence.AltitudeBand;
import org.skyfleet.fleet.geofence.BreachPolicy;
import org.skyfleet.fleet.geofence.Zone;
import org.skyfleet.fleet.geofence.ZoneApplicability;
import org.skyfleet.fleet.geofence.ZoneCategory;
import org.skyfleet.fleet.geofence.ZoneKind;
import org.skyfleet.fleet.geofence.ZoneShape;
import org.skyfleet.fleet.store.InMemoryStore;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GreatCircle;
import org.skyfleet.planner.patrol.Corridor;
import org.skyfleet.planner.patrol.CorridorNetwork;
import org.skyfleet.planner.patrol.PatrolParameters;
import org.skyfleet.fleet.mission.Mission;
import org.skyfleet.fleet.mission.MissionState;
import org.skyfleet.fleet.dispatch.Assignment;
import org.skyfleet.fleet.dispatch.Dispatcher;
import org.skyfleet.proto.v1.AcknowledgeAssignmentRequest;
import org.skyfleet.proto.v1.AssignmentState;
import org.skyfleet.proto.v1.DispatchServiceGrpc;
import org.skyfleet.proto.v1.ListUnitsRequest;
import org.skyfleet.proto.v1.StreamAssignmentsRequest;
import org.skyfleet.proto.v1.ListRobotsRequest;
import org.skyfleet.proto.v1.PairRobotRequest;
import org.skyfleet.proto.v1.ReportUnitPositionsResponse;
import org.skyfleet.proto.v1.Robot;
import org.skyfleet.proto.v1.RobotDuty;
import org.skyfleet.proto.v1.RobotServiceGrpc;
import org.skyfleet.proto.v1.UnitPositionReport;
import org.skyfleet.proto.v1.UnitStatus;
import org.skyfleet.proto.v1.UnitType;
import org.skyfleet.proto.v1.UnpairRobotRequest;
import org.skyfleet.server.Await;
import org.skyfleet.server.automation.AutomationConfig;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.server.vessel.SeaGateConfig;
import org.skyfleet.proto.v1.ListTracksRequest;
import org.skyfleet.proto.v1.SightingServiceGrpc;
import org.skyfleet.proto.v1.SightingSource;
import org.skyfleet.proto.v1.Track;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.controlplane.GrpcSightingReporter;
import org.skyfleet.simulator.controlplane.VehicleIds;
import org.skyfleet.simulator.scenario.Scenario;

/**
 * The robot beside the officer over the real wire: two ArduPilot Rovers of the simulator at a police kiosk in Dongbu
 * Xincheng, Ningbo, talk MAVLink over UDP to a server; officers' phones report over gRPC and a dispatcher pairs and
 * unpairs over gRPC. Simulated time runs at twice real time; the officer walks at 1.4 m/s of simulated time.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RobotEscortEndToEndTest {
    private static final double M_PER_DEG = 111_320.0;
    private static final double LAT = 29.8718;
    private static final double LON = 121.5561;
    private static final double TIME_SCALE = 2;
    /** The officer's walking speed in wall-clock terms: 1.4 m/s of simulated time. */
    private static final double WALK_MPS = 1.4 * TIME_SCALE;
    private static final double STAND_OFF_M = 3;
    /**
     * How far off the stand-off a following robot may be: the 1 m dead band, plus the officer's walk between two
     * targets (1.4 m/s x 1 s of simulated time at 2 Hz wall), plus a telemetry sample's age.
     */
    private static final double TOLERANCE_M = 3;
    private static final String SCENARIO = """
            {"name": "robot-escort-e2e", "description": "two kiosk robots, Dongbu Xincheng", "seed": 21,
             "durationS": 3600, "timeScale": 2, "home": {"latDeg": 29.8718, "lonDeg": 121.5561}, "homeAltAmslM": 5,
             "area": [], "night": false, "canopyCover": 0, "wind": {"speedMps": 0, "fromDeg": 0, "gustMps": 0},
             "failsafe": {"batteryReturnPercent": 10, "batteryLandPercent": 5, "lostLinkTimeoutS": 600, "fenceAction": "HOLD"},
             "vehicles": [
               {"name": "escort", "type": "GROUND_ROVER", "autopilot": "ARDUPILOT_LEGACY", "start": {"latDeg": 29.8718, "lonDeg": 121.5561}},
               {"name": "docker", "type": "GROUND_ROVER", "autopilot": "ARDUPILOT_LEGACY",
                "start": {"latDeg": 29.8718, "lonDeg": 121.5551}, "batteryPercent": 29, "enduranceS": 300},
               {"name": "watcher", "type": "GROUND_ROVER", "autopilot": "ARDUPILOT_LEGACY",
                "start": {"latDeg": 29.871261, "lonDeg": 121.5561}, "camera": {"preset": "THERMAL", "falsePositivesPerMin": 0}},
               {"name": "patroller", "type": "GROUND_ROVER", "autopilot": "ARDUPILOT_LEGACY",
                "start": {"latDeg": 29.8718, "lonDeg": 121.556722}}],
             "targets": [{"id": "man-by-the-kiosk", "movement": "STATIONARY", "start": {"latDeg": 29.871396, "lonDeg": 121.5561}}],
             "faults": []}
            """;
    private static SkyfleetServer server;
    private static Simulation sim;
    private static ManagedChannel channel;
    private static RobotServiceGrpc.RobotServiceBlockingStub dispatcher;
    private static String escortId;
    private static String dockerId;
    private static GrpcSightingReporter sightings;
    private static String patrollerId;
    /** The patroller's corridors: a 12 m square of footpaths east of the kiosk, starting where the patroller stands. */
    private static final List<GeoPoint> PATROL = List.of(at(0, 60), at(12, 60), at(12, 72), at(0, 72));
    private static final ScheduledExecutorService phone = Executors.newSingleThreadScheduledExecutor();

    @BeforeAll
    static void start() throws Exception {
        Scenario scenario = Scenario.parse(SCENARIO);
        int mavlinkPort;
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            mavlinkPort = s.getLocalPort(); // the robots' ids name the port: the patrol is configured by id before the start
        }
        patrollerId = VehicleIds.mavlink(scenario, mavlinkPort).apply("patroller");
        RobotConfig robots = RobotConfig.defaults().withOfficerStaleAfter(Duration.ofSeconds(2)).withDockBelowPercent(28)
                .withPatrol(patrollerId, new PatrolParameters(List.of(PATROL.get(1), PATROL.get(2)), new CorridorNetwork(PATROL,
                        List.of(new Corridor(0, 1), new Corridor(1, 2), new Corridor(2, 3), new Corridor(3, 0))), 1, 0, 0, 3));
        server = SkyfleetServer.start(ServerConfig.ephemeral().withMavlink("127.0.0.1", mavlinkPort, 1), AutomationConfig.defaults(),
                new InMemoryStore(), InstantSource.system(), org.skyfleet.app.NodeParts.defaults().withRobots(robots));
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
        // the watcher's forward camera reports what it sees as its edge computer would: over gRPC, as a robot
        sightings = new GrpcSightingReporter(channel, VehicleIds.mavlink(scenario, server.links().get(0).config().linkName()),
                GrpcSightingReporter.Options.defaults());
        sim = Simulation.start(scenario, new InetSocketAddress("127.0.0.1", server.mavlinkAddress().getPort()), sightings);
        escortId = idOf("escort");
        dockerId = idOf("docker");
        Await.until(Duration.ofSeconds(20), "both robots with a position and a battery", () -> List.of(escortId, dockerId).stream()
                .allMatch(id -> server.registry().find(id).filter(s -> s.position() != null && s.battery() != null).isPresent()));
        dispatcher = RobotServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("lin", "dispatcher")));
    }

    @AfterAll
    static void stop() {
        phone.shutdownNow();
        channel.shutdownNow();
        sim.close();
        sightings.close();
        server.close();
    }

    private static String idOf(String simName) {
        int systemId = sim.vehicle(simName).vehicle().systemId();
        Await.until(Duration.ofSeconds(20), simName + " on the server", () -> server.registry().all().stream()
                .anyMatch(s -> s.vehicleId().endsWith("-" + systemId)));
        return server.registry().all().stream().map(VehicleState::vehicleId).filter(id -> id.endsWith("-" + systemId))
                .findFirst().orElseThrow();
    }

    static GeoPoint at(double northM, double eastM) {
        return new GeoPoint(LAT + northM / M_PER_DEG, LON + eastM / (M_PER_DEG * Math.cos(Math.toRadians(LAT))));
    }

    private static GeoPoint robot(String id) {
        VehicleState s = server.registry().find(id).orElseThrow();
        return new GeoPoint(s.position().latDeg(), s.position().lonDeg());
    }

    private static String mode(String id) {
        return server.registry().find(id).orElseThrow().status().flightMode();
    }

    private static Robot listed(String id) {
        return dispatcher.listRobots(ListRobotsRequest.getDefaultInstance()).getRobotsList().stream()
                .filter(r -> r.getRobotVehicleId().equals(id)).findFirst().orElseThrow();
    }

    /** An officer's phone: a stream of position reports, as DispatchService takes them. */
    private static StreamObserver<UnitPositionReport> phoneOf(String unitId) {
        return DispatchServiceGrpc.newStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers(unitId, "officer")))
                .reportUnitPositions(new StreamObserver<ReportUnitPositionsResponse>() {
                    @Override
                    public void onNext(ReportUnitPositionsResponse value) {
                    }

                    @Override
                    public void onError(Throwable t) {
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
    }

    private static void report(StreamObserver<UnitPositionReport> phone, String unitId, GeoPoint p, Instant at) {
        UnitPositionReport.Builder r = UnitPositionReport.newBuilder().setUnitId(unitId).setUnitType(UnitType.UNIT_TYPE_OFFICER_ON_FOOT)
                .setStatus(UnitStatus.UNIT_STATUS_AVAILABLE)
                .setPosition(org.skyfleet.proto.v1.GeoPoint.newBuilder().setLatDeg(p.latDeg()).setLonDeg(p.lonDeg()));
        if (at != null) {
            r.setTime(org.skyfleet.server.grpc.ProtoMapper.timestamp(at));
        }
        synchronized (phone) {
            phone.onNext(r.build());
        }
    }

    /**
     * The officer walks the path given by metres walked -> position, at {@link #WALK_MPS}, for {@code walkM} metres;
     * the phone reports 5 times a second and each report samples the robot's distance to the officer.
     */
    private static List<double[]> walk(StreamObserver<UnitPositionReport> phone, String unitId, DoubleFunction<GeoPoint> path,
                                       double walkM, String robotId) {
        List<double[]> samples = new CopyOnWriteArrayList<>(); // {walked m, robot-officer m, robot lat, robot lon}
        long t0 = System.nanoTime();
        ScheduledFuture<?> walking = RobotEscortEndToEndTest.phone.scheduleAtFixedRate(() -> {
            double walked = Math.min(walkM, WALK_MPS * (System.nanoTime() - t0) / 1e9);
            GeoPoint officer = path.apply(walked);
            report(phone, unitId, officer, null);
            GeoPoint r = robot(robotId);
            samples.add(new double[] {walked, GreatCircle.distanceM(r, officer), r.latDeg(), r.lonDeg()});
        }, 0, 200, TimeUnit.MILLISECONDS);
        Await.until(Duration.ofSeconds(30), "the officer's walk of " + walkM + " m",
                () -> !samples.isEmpty() && samples.get(samples.size() - 1)[0] >= walkM);
        walking.cancel(false);
        return samples;
    }

    @Test
    @Order(0)
    void anIdleRobotNearATrackIsOfferedToDispatchAsARobotUnit() {
        DispatchServiceGrpc.DispatchServiceBlockingStub dispatch = DispatchServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("lin", "dispatcher")));
        Await.until(Duration.ofSeconds(5), "the idle robot on the roster as an available robot unit", () -> dispatch
                .listUnits(ListUnitsRequest.getDefaultInstance()).getUnitsList().stream().anyMatch(u -> u.getUnitId().equals(escortId)
                        && u.getUnitType() == UnitType.UNIT_TYPE_GROUND_ROBOT && u.getStatus() == UnitStatus.UNIT_STATUS_AVAILABLE));
        // no officer has reported yet: a track 40 m north of the kiosk is offered to the nearest idle robot
        Dispatcher d = server.records().orElseThrow().dispatcher();
        Assignment offered = d.dispatch("inc-robot", "trk-robot", at(40, 0), "bag left by the kiosk").orElseThrow();
        assertThat(offered.unitId()).isEqualTo(escortId);
        org.skyfleet.proto.v1.Assignment seen = dispatch.streamAssignments(StreamAssignmentsRequest.newBuilder()
                .setUnitId(escortId).build()).next().getAssignment();
        assertThat(seen.getState()).isEqualTo(AssignmentState.ASSIGNMENT_STATE_OFFERED);
        assertThat(seen.getDistanceM()).isBetween(30.0, 70.0);
        assertThat(dispatch.acknowledgeAssignment(AcknowledgeAssignmentRequest.newBuilder().setAssignmentId(seen.getAssignmentId())
                .setUnitId(escortId).build()).getAssignment().getState()).isEqualTo(AssignmentState.ASSIGNMENT_STATE_ACKNOWLEDGED);
        d.cancelIncident("inc-robot");
    }

    @Test
    @Order(1)
    void aPairedRobotKeepsItsStandOffFromAWalkingOfficer() {
        StreamObserver<UnitPositionReport> officer = phoneOf("officer-1");
        report(officer, "officer-1", at(6, 0), null);
        Await.until(Duration.ofSeconds(5), "the officer on the roster", () -> server.records().orElseThrow().dispatcher().roster()
                .find("officer-1").isPresent());
        Robot paired = dispatcher.pairRobot(PairRobotRequest.newBuilder().setRobotVehicleId(escortId).setUnitId("officer-1")
                .setStandOffM(STAND_OFF_M).build()).getRobot();
        assertThat(paired.getDuty()).isEqualTo(RobotDuty.ROBOT_DUTY_FOLLOWING);
        assertThat(server.leases().current(escortId)).hasValueSatisfying(l -> assertThat(l.holder()).isEqualTo(RobotTaskings.OPERATOR));
        Await.until(Duration.ofSeconds(5), "the paired robot busy on the roster", () -> server.records().orElseThrow().dispatcher()
                .roster().find(escortId).orElseThrow().status() == org.skyfleet.fleet.dispatch.UnitStatus.BUSY);
        Await.until(Duration.ofSeconds(30), "the robot armed, in GUIDED, at its stand-off", () -> mode(escortId).equals("GUIDED")
                && Math.abs(GreatCircle.distanceM(robot(escortId), at(6, 0)) - STAND_OFF_M) <= TOLERANCE_M);

        List<double[]> samples = walk(officer, "officer-1", m -> at(6 + m, 0), 15, escortId);

        // after the first 5 m (the robot pulls away from standing), every sample within the stand-off +- tolerance
        List<double[]> following = samples.stream().filter(s -> s[0] >= 5).toList();
        assertThat(following).hasSizeGreaterThan(10);
        assertThat(following).allSatisfy(s -> assertThat(s[1]).as("robot-officer distance after %.1f m walked", s[0])
                .isBetween(STAND_OFF_M - TOLERANCE_M, STAND_OFF_M + TOLERANCE_M));
        Await.until(Duration.ofSeconds(10), "the robot settled within the stand-off and dead band at the end of the walk",
                () -> GreatCircle.distanceM(robot(escortId), at(21, 0)) <= STAND_OFF_M + 1.5);
        assertThat(server.audit().entries()).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("robot pair");
            assertThat(e.actor()).isEqualTo("lin (dispatcher)");
        });
        officer.onCompleted();
    }

    @Test
    @Order(2)
    void aRobotWhoseOfficerWentStaleStopsAndHolds() {
        // officer-1 stopped reporting at the end of the walk: the robot holds, then stands still
        Await.until(Duration.ofSeconds(10), "the robot stopped in HOLD", () -> mode(escortId).equals("HOLD")
                && server.registry().find(escortId).orElseThrow().motion().groundspeedMps() < 0.05);
        // officer-2's phone last had a fix 5 s ago, 25 m east: following it would chase a ghost
        StreamObserver<UnitPositionReport> stale = phoneOf("officer-2");
        GeoPoint start = robot(escortId);
        report(stale, "officer-2", new GeoPoint(start.latDeg(), start.lonDeg() + 25 / (M_PER_DEG * Math.cos(Math.toRadians(LAT)))),
                Instant.now().minusSeconds(5));
        Await.until(Duration.ofSeconds(5), "officer-2 on the roster", () -> server.records().orElseThrow().dispatcher().roster()
                .find("officer-2").isPresent());
        dispatcher.pairRobot(PairRobotRequest.newBuilder().setRobotVehicleId(escortId).setUnitId("officer-2").build());
        Await.until(Duration.ofSeconds(10), "the robot in HOLD for a stale officer",
                () -> mode(escortId).equals("HOLD") && listed(escortId).getEscortState().equals("OFFICER_STALE"));
        // two seconds (four simulated) standing still: ground speed nil, and no step towards the ghost (GNSS noise aside)
        List<double[]> still = new CopyOnWriteArrayList<>();
        long seen = System.nanoTime();
        Await.until(Duration.ofSeconds(5), "two seconds of holding", () -> {
            VehicleState s = server.registry().find(escortId).orElseThrow();
            still.add(new double[] {s.motion().groundspeedMps(), (s.position().lonDeg() - start.lonDeg()) * M_PER_DEG
                    * Math.cos(Math.toRadians(LAT))});
            return System.nanoTime() - seen > 2_000_000_000L;
        });
        assertThat(still).hasSizeGreaterThan(20).allSatisfy(s -> {
            assertThat(s[0]).as("ground speed while its officer was stale, m/s").isLessThan(0.05);
            assertThat(s[1]).as("metres east, towards the stale fix").isLessThan(2);
        });
        assertThat(server.audit().entries()).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("robot hold");
            assertThat(e.result()).isEqualTo("OFFICER_STALE");
        });
        assertThat(server.console().alerts().since(0, 1000).changes()).anySatisfy(c -> assertThat(c).contains("ROBOT_OFFICER_STALE"));
        stale.onCompleted();
    }

    @Test
    @Order(3)
    void aRobotNeverFollowsItsOfficerIntoAnExclusionZone() {
        // the officer walks north from beside the robot straight through a kindergarten's grounds (a 5 m circle) and on
        GeoPoint from = robot(escortId);
        // the officer starts 6 m off: beyond the stand-off and dead band (4 m) whatever the GNSS noise, so the robot moves
        DoubleFunction<GeoPoint> north = m -> new GeoPoint(from.latDeg() + (6 + m) / M_PER_DEG, from.lonDeg());
        GeoPoint centre = north.apply(14);
        server.geofences().save(new Zone("z-kg", "kindergarten", new ZoneShape.Circle(centre, 5), ZoneKind.EXCLUSION,
                AltitudeBand.relative(0, 100), null, ZoneCategory.TEMPORARY_RESTRICTION, ZoneApplicability.all(), BreachPolicy.WARN));
        StreamObserver<UnitPositionReport> officer = phoneOf("officer-1");
        report(officer, "officer-1", north.apply(0), null);
        dispatcher.pairRobot(PairRobotRequest.newBuilder().setRobotVehicleId(escortId).setUnitId("officer-1").build());
        Await.until(Duration.ofSeconds(30), "the robot following again, at its stand-off", () -> mode(escortId).equals("GUIDED")
                && Math.abs(GreatCircle.distanceM(robot(escortId), north.apply(0)) - STAND_OFF_M) <= TOLERANCE_M);

        List<double[]> samples = walk(officer, "officer-1", north, 24, escortId);
        assertThat(samples).allSatisfy(s -> assertThat(GreatCircle.distanceM(new GeoPoint(s[2], s[3]), centre))
                .as("robot's distance from the zone's centre after %.1f m walked", s[0]).isGreaterThan(5));
        assertThat(samples.stream().filter(s -> s[0] <= 7)).as("the robot followed before the zone")
                .anySatisfy(s -> assertThat(s[1]).isLessThanOrEqualTo(STAND_OFF_M + TOLERANCE_M));
        Await.until(Duration.ofSeconds(5), "the refusal told", () -> listed(escortId).getEscortState().equals("TARGET_IN_EXCLUSION"));
        assertThat(mode(escortId)).isEqualTo("HOLD");
        assertThat(server.console().alerts().since(0, 1000).changes()).anySatisfy(c -> assertThat(c).contains("ROBOT_ZONE_REFUSED"));
        officer.onCompleted();
    }

    @Test
    @Order(4)
    void anUnpairedRobotBelowItsBatteryThresholdReturnsToItsKioskDock() {
        GeoPoint kiosk = robot(dockerId);
        StreamObserver<UnitPositionReport> officer = phoneOf("officer-3");
        GeoPoint away = new GeoPoint(kiosk.latDeg() + 14 / M_PER_DEG, kiosk.lonDeg());
        report(officer, "officer-3", away, null);
        Await.until(Duration.ofSeconds(5), "officer-3 on the roster", () -> server.records().orElseThrow().dispatcher().roster()
                .find("officer-3").isPresent());
        assertStatus(() -> dispatcher.unpairRobot(UnpairRobotRequest.newBuilder().setRobotVehicleId(dockerId).build()),
                Status.Code.NOT_FOUND, "never been paired");
        dispatcher.pairRobot(PairRobotRequest.newBuilder().setRobotVehicleId(dockerId).setUnitId("officer-3").build());
        ScheduledFuture<?> standing = phone.scheduleAtFixedRate(() -> report(officer, "officer-3", away, null), 0, 500,
                TimeUnit.MILLISECONDS);
        Await.until(Duration.ofSeconds(20), "the robot out beside officer-3", () -> GreatCircle.distanceM(robot(dockerId), away) <= 5);
        standing.cancel(false);
        assertThat(server.registry().find(dockerId).orElseThrow().battery().remainingPercent()).isLessThan(28);

        Robot unpaired = dispatcher.unpairRobot(UnpairRobotRequest.newBuilder().setRobotVehicleId(dockerId).build()).getRobot();
        assertThat(unpaired.getDuty()).isEqualTo(RobotDuty.ROBOT_DUTY_PATROLLING);
        Await.until(Duration.ofSeconds(30), "the robot docked at its kiosk", () -> listed(dockerId).getDuty() == RobotDuty.ROBOT_DUTY_DOCKED);
        VehicleState docked = server.registry().find(dockerId).orElseThrow();
        assertThat(GreatCircle.distanceM(robot(dockerId), kiosk)).as("distance from the kiosk dock").isLessThanOrEqualTo(2);
        assertThat(docked.status().armed()).isFalse();
        assertThat(listed(dockerId).getDock().getLatDeg()).isCloseTo(kiosk.latDeg(), org.assertj.core.data.Offset.offset(2e-5));
        assertThat(server.leases().current(dockerId)).isEmpty();
        assertThat(server.console().alerts().since(0, 1000).changes()).anySatisfy(c -> assertThat(c).contains("ROBOT_DOCKED"));
        officer.onCompleted();
    }

    @Test
    @Order(5)
    void aRobotsForwardCameraReportsAPersonAheadAsARobotSightingThatBecomesATrack() {
        // the watcher stands 60 m south of the kiosk facing north; a man stands 15 m in front of it
        String watcherId = idOf("watcher");
        GeoPoint man = at(-45, 0);
        SightingServiceGrpc.SightingServiceBlockingStub tracks = SightingServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("lin", "dispatcher")));
        Await.until(Duration.ofSeconds(15), "a track of the man from the watcher's sightings", () -> tracks.listTracks(
                ListTracksRequest.newBuilder().setIncludeTentative(true).build()).getTracksList().stream()
                .anyMatch(t -> fromWatcher(t, watcherId) && GreatCircle.distanceM(man, new GeoPoint(t.getPosition().getLatDeg(),
                        t.getPosition().getLonDeg())) <= 6));
        assertThat(sightings.accepted()).isPositive();
        assertThat(sightings.reports()).allSatisfy(r -> {
            assertThat(r.vehicleName()).as("only the watcher carries a camera").isEqualTo("watcher");
            assertThat(r.groundRobot()).isTrue();
            assertThat(r.truthTargetId()).isEqualTo("man-by-the-kiosk");
        });
    }

    private static boolean fromWatcher(Track t, String watcherId) {
        return t.getRecentSightingsList().stream().anyMatch(s -> s.getSource() == SightingSource.SIGHTING_SOURCE_ROBOT
                && s.getSourceId().equals(watcherId));
    }

    @Test
    @Order(6)
    void anUnpairedRobotWithAPatrolDrivesItsCorridorPatrolThroughTheVerifiedUpload() {
        // paired beside officer-4, who stands within its stand-off (it never moves, never arms), then unpaired
        StreamObserver<UnitPositionReport> officer = phoneOf("officer-4");
        report(officer, "officer-4", at(2, 60), null);
        Await.until(Duration.ofSeconds(5), "officer-4 on the roster", () -> server.records().orElseThrow().dispatcher().roster()
                .find("officer-4").isPresent());
        dispatcher.pairRobot(PairRobotRequest.newBuilder().setRobotVehicleId(patrollerId).setUnitId("officer-4").build());
        Await.until(Duration.ofSeconds(5), "the patroller in its stand-off", () -> listed(patrollerId).getEscortState().equals("IN_STAND_OFF"));
        assertThat(dispatcher.unpairRobot(UnpairRobotRequest.newBuilder().setRobotVehicleId(patrollerId).build()).getRobot()
                .getDuty()).isEqualTo(RobotDuty.ROBOT_DUTY_PATROLLING);
        officer.onCompleted();

        Await.until(Duration.ofSeconds(15), "the patrol mission uploaded, read back and started", () -> server.missions()
                .list(patrollerId).stream().anyMatch(m -> m.state() == MissionState.FLYING));
        Mission patrol = server.missions().list(patrollerId).stream().filter(m -> m.state() == MissionState.FLYING).findFirst().orElseThrow();
        assertThat(patrol.transitions()).extracting(t -> t.to()).containsSubsequence(MissionState.APPROVED, MissionState.UPLOADING,
                MissionState.UPLOADED, MissionState.FLYING);
        assertThat(server.leases().current(patrollerId)).hasValueSatisfying(l -> assertThat(l.holder()).isEqualTo(RobotTaskings.OPERATOR));
        // along the corridors: the first checkpoint 12 m north, then the second 12 m east of it
        Await.until(Duration.ofSeconds(15), "the patroller at its first checkpoint", () -> GreatCircle.distanceM(robot(patrollerId),
                PATROL.get(1)) <= 3);
        Await.until(Duration.ofSeconds(15), "the patroller at its second checkpoint", () -> GreatCircle.distanceM(robot(patrollerId),
                PATROL.get(2)) <= 3);
        assertThat(server.registry().find(patrollerId).orElseThrow().status().armed()).isTrue();
        assertThat(server.audit().entries()).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("robot patrol");
            assertThat(e.detail()).isEqualTo(patrol.missionId() + " started");
        });
    }
}
