package org.skyfleet.server.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skyfleet.server.GrpcAssert.assertStatus;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.geofence.AltitudeBand;
import org.skyfleet.fleet.geofence.BreachPolicy;
import org.skyfleet.fleet.geofence.Zone;
import org.skyfleet.fleet.geofence.ZoneApplicability;
import org.skyfleet.fleet.geofence.ZoneCategory;
import org.skyfleet.fleet.geofence.ZoneKind;
import org.skyfleet.fleet.geofence.ZoneShape;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.proto.v1.AcquireControlRequest;
import org.skyfleet.proto.v1.CommandResult;
import org.skyfleet.proto.v1.FleetServiceGrpc;
import org.skyfleet.proto.v1.GeoPosition;
import org.skyfleet.proto.v1.SendCommandRequest;
import org.skyfleet.proto.v1.StreamVehicleStatesRequest;
import org.skyfleet.proto.v1.StreamVehicleStatesResponse;
import org.skyfleet.proto.v1.TelemetryServiceGrpc;
import org.skyfleet.proto.v1.VehicleState;
import org.skyfleet.server.Await;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.server.StreamRecorder;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.scenario.Scenario;

/**
 * ORBIT through the real server to a simulated PX4 drone over UDP, five times faster than real time: the
 * vehicle's ACK comes back as the result and the positions streamed back settle on the circle.
 */
class OrbitEndToEndTest {
    private static final double LAT = 51.5034;
    private static final double LON = -0.1276;
    private static final double M_PER_DEG = 111_320.0;
    private static final String SCENARIO = """
            {"name": "orbit-e2e", "description": "one drone on the pad", "seed": 8,
             "durationS": 3600, "timeScale": 5, "home": {"latDeg": 51.5034, "lonDeg": -0.1276}, "homeAltAmslM": 20,
             "area": [], "night": false, "canopyCover": 0, "wind": {"speedMps": 0, "fromDeg": 0, "gustMps": 0},
             "failsafe": {"batteryReturnPercent": 20, "batteryLandPercent": 8, "lostLinkTimeoutS": 60, "fenceAction": "HOLD"},
             "vehicles": [{"name": "pad", "type": "MULTICOPTER", "camera": {"preset": "VISUAL", "falsePositivesPerMin": 0}}],
             "targets": [], "faults": []}
            """;
    private static SkyfleetServer server;
    private static Simulation sim;
    private static ManagedChannel channel;
    private static String droneId;
    private static FleetServiceGrpc.FleetServiceBlockingStub pilot;

    @BeforeAll
    static void start() throws Exception {
        server = SkyfleetServer.start(ServerConfig.ephemeral(), InstantSource.system());
        sim = Simulation.start(Scenario.parse(SCENARIO), new InetSocketAddress("127.0.0.1", server.mavlinkAddress().getPort()));
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
        Await.until(Duration.ofSeconds(20), "the drone to connect with a home position",
                () -> server.registry().all().stream().anyMatch(s -> s.home() != null));
        droneId = server.registry().all().get(0).vehicleId();
        pilot = FleetServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("olga", "pilot")));
        pilot.acquireControl(AcquireControlRequest.newBuilder().setVehicleId(droneId).setTtlS(600).build());
        // 300 m east of home, away from the orbit flown below.
        server.geofences().save(new Zone("z-stadium", "stadium", new ZoneShape.Circle(at(0, 300), 50), ZoneKind.EXCLUSION,
                AltitudeBand.relative(0, 300), null, ZoneCategory.CROWD_EVENT, ZoneApplicability.all(), BreachPolicy.WARN));
    }

    @AfterAll
    static void stop() {
        channel.shutdownNow();
        sim.close();
        server.close();
    }

    private static GeoPoint at(double northM, double eastM) {
        return new GeoPoint(LAT + northM / M_PER_DEG, LON + eastM / (M_PER_DEG * Math.cos(Math.toRadians(LAT))));
    }

    private static SendCommandRequest.Builder command(String id) {
        return SendCommandRequest.newBuilder().setCommandId(id).setVehicleId(droneId);
    }

    private static SendCommandRequest orbit(String id, GeoPoint centre, double altRelM, double radiusM, double speedMps) {
        return command(id).setOrbit(SendCommandRequest.Orbit.newBuilder()
                .setCentre(GeoPosition.newBuilder().setLatDeg(centre.latDeg()).setLonDeg(centre.lonDeg()).setAltRelM(altRelM))
                .setRadiusM(radiusM).setSpeedMS(speedMps)).build();
    }

    /** Metres north and east of {@code centre}. */
    private static double[] offset(VehicleState s, GeoPoint centre) {
        GeoPosition p = s.getPosition().getPosition();
        return new double[] {(p.getLatDeg() - centre.latDeg()) * M_PER_DEG,
                (p.getLonDeg() - centre.lonDeg()) * M_PER_DEG * Math.cos(Math.toRadians(LAT))};
    }

    private static List<VehicleState> positions(StreamRecorder<StreamVehicleStatesRequest, StreamVehicleStatesResponse> r) {
        return r.received.stream().flatMap(m -> m.getStatesList().stream())
                .filter(s -> s.getVehicleId().equals(droneId) && s.hasPosition()).toList();
    }

    @Test
    void orbitIsAcceptedAndTheStreamedPositionsSettleOnTheCircle() {
        var states = new StreamRecorder<StreamVehicleStatesRequest, StreamVehicleStatesResponse>(false);
        TelemetryServiceGrpc.newStub(channel).streamVehicleStates(
                StreamVehicleStatesRequest.newBuilder().addVehicleIds(droneId).build(), states);
        assertThat(pilot.sendCommand(command("o-arm").setArm(SendCommandRequest.Arm.getDefaultInstance()).build())
                .getResult()).isEqualTo(CommandResult.COMMAND_RESULT_ACCEPTED);
        assertThat(pilot.sendCommand(command("o-takeoff").setTakeoff(SendCommandRequest.Takeoff.newBuilder().setAltRelM(25))
                .build()).getResult()).isEqualTo(CommandResult.COMMAND_RESULT_ACCEPTED);
        Await.until(Duration.ofSeconds(30), "the drone at its takeoff altitude", () -> {
            List<VehicleState> p = positions(states);
            return !p.isEmpty() && p.get(p.size() - 1).getPosition().getPosition().getAltRelM() > 24;
        });

        GeoPoint centre = at(60, 20);
        double radiusM = 40;
        var answer = pilot.sendCommand(orbit("o-1", centre, 30, radiusM, 6));
        assertThat(answer.getResult()).isEqualTo(CommandResult.COMMAND_RESULT_ACCEPTED);

        // Settled: the last 30 positions (several seconds of flight) all within 10 % of the radius, in mode ORBIT.
        Await.until(Duration.ofSeconds(60), "positions on the 40 m circle", () -> {
            List<VehicleState> p = positions(states);
            if (p.size() < 30 || !p.get(p.size() - 1).getFlightMode().equals("ORBIT")) {
                return false;
            }
            return p.subList(p.size() - 30, p.size()).stream().allMatch(s -> {
                double[] d = offset(s, centre);
                return Math.abs(Math.hypot(d[0], d[1]) - radiusM) <= 0.1 * radiusM;
            });
        });
        // ... and going round it clockwise: the compass bearing from the centre grows.
        int from = positions(states).size();
        Await.until(Duration.ofSeconds(30), "a quarter of the circle flown", () -> positions(states).size() > from + 40);
        List<VehicleState> later = positions(states).subList(from, positions(states).size());
        double swept = 0;
        for (int i = 1; i < later.size(); i++) {
            double[] a = offset(later.get(i - 1), centre);
            double[] b = offset(later.get(i), centre);
            swept += Math.IEEEremainder(Math.atan2(b[1], b[0]) - Math.atan2(a[1], a[0]), 2 * Math.PI);
            assertThat(Math.hypot(b[0], b[1])).isCloseTo(radiusM, org.assertj.core.data.Offset.offset(0.1 * radiusM));
        }
        assertThat(swept).as("clockwise progress, rad").isPositive();
        assertThat(server.audit().entries()).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("command ORBIT");
            assertThat(e.result()).startsWith("ACCEPTED");
        });
        states.cancel();
    }

    @Test
    void orbitsThroughAnExclusionZoneOrAboveTheCeilingAreRefusedBeforeTheVehicle() {
        // Centred 100 m west of the stadium's 50 m circle: a 60 m orbit reaches into it, a 40 m one does not.
        GeoPoint beside = at(0, 200);
        assertStatus(() -> pilot.sendCommand(orbit("r-1", beside, 30, 60, 5)), Status.Code.FAILED_PRECONDITION, "stadium");
        assertStatus(() -> pilot.sendCommand(orbit("r-2", at(60, 20), 120.5, 30, 5)), Status.Code.FAILED_PRECONDITION,
                "ceiling");
        assertStatus(() -> pilot.sendCommand(orbit("r-3", at(60, 20), 30, 4, 5)), Status.Code.INVALID_ARGUMENT, "radiusM");
        assertStatus(() -> pilot.sendCommand(orbit("r-4", at(60, 20), 30, 30, 25)), Status.Code.INVALID_ARGUMENT, "speedMps");
        assertStatus(() -> pilot.sendCommand(command("r-5").setOrbit(SendCommandRequest.Orbit.newBuilder().setRadiusM(30))
                .build()), Status.Code.INVALID_ARGUMENT, "centre");
        assertThat(server.audit().entries()).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("command ORBIT");
            assertThat(e.result()).startsWith("FAILED_PRECONDITION").contains("stadium");
        });
    }
}
