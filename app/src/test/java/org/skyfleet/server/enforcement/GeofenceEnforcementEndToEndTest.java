package org.skyfleet.server.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
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
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GeoPolygon;
import org.skyfleet.proto.v1.EventType;
import org.skyfleet.proto.v1.StreamEventsRequest;
import org.skyfleet.proto.v1.StreamEventsResponse;
import org.skyfleet.proto.v1.TelemetryServiceGrpc;
import org.skyfleet.proto.v1.VehicleEvent;
import org.skyfleet.server.Await;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.server.StreamRecorder;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.scenario.Scenario;

/** A drone patrolling toward a no-fly zone is warned before it gets there and held by the zone's policy. */
class GeofenceEnforcementEndToEndTest {
    private static final double LAT = 51.5034;
    private static final double LON = -0.1276;
    private static final double M_PER_DEG = 111_320.0;
    private static final String SCENARIO = """
            {"name": "geofence-e2e", "description": "one drone patrolling north", "seed": 4,
             "durationS": 3600, "timeScale": 5, "home": {"latDeg": 51.5034, "lonDeg": -0.1276}, "homeAltAmslM": 20,
             "area": [], "night": false, "canopyCover": 0, "wind": {"speedMps": 0, "fromDeg": 0, "gustMps": 0},
             "failsafe": {"batteryReturnPercent": 20, "batteryLandPercent": 8, "lostLinkTimeoutS": 60, "fenceAction": "HOLD"},
             "vehicles": [{"name": "patrol", "type": "MULTICOPTER", "camera": {"preset": "VISUAL", "falsePositivesPerMin": 0},
                           "patrol": [{"latDeg": 51.5034, "lonDeg": -0.1276}, {"latDeg": 51.50879, "lonDeg": -0.1276}],
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
        Await.until(Duration.ofSeconds(20), "the patrol drone's position",
                () -> server.registry().all().stream().anyMatch(s -> s.position() != null));
    }

    @AfterAll
    static void stop() {
        channel.shutdownNow();
        sim.close();
        server.close();
    }

    private static GeoPoint north(double m, double eastM) {
        return new GeoPoint(LAT + m / M_PER_DEG, LON + eastM / (M_PER_DEG * Math.cos(Math.toRadians(LAT))));
    }

    @Test
    void droneHeadingIntoANoFlyZoneIsWarnedThenHeldAtTheBoundary() {
        var events = new StreamRecorder<StreamEventsRequest, StreamEventsResponse>(false);
        TelemetryServiceGrpc.newStub(channel).streamEvents(StreamEventsRequest.getDefaultInstance(), events);
        double southEdgeM = 330;
        Zone stadium = new Zone("z-stadium", "stadium", new ZoneShape.Polygon(new GeoPolygon(List.of(
                north(southEdgeM, -60), north(southEdgeM, 60), north(southEdgeM + 120, 60), north(southEdgeM + 120, -60)),
                List.of())), ZoneKind.EXCLUSION, AltitudeBand.relative(0, 300), null, ZoneCategory.CROWD_EVENT,
                ZoneApplicability.all(), BreachPolicy.HOLD);
        server.geofences().save(stadium);
        String drone = server.registry().all().get(0).vehicleId();

        Await.until(Duration.ofSeconds(60), "a breach of the stadium", () -> types(events).contains(EventType.EVENT_TYPE_GEOFENCE_BREACH));
        List<EventType> seen = types(events);
        assertThat(seen.indexOf(EventType.EVENT_TYPE_GEOFENCE_PREDICTED_BREACH))
                .as("warned before the breach: %s", seen).isBetween(0, seen.indexOf(EventType.EVENT_TYPE_GEOFENCE_BREACH));

        Await.until(Duration.ofSeconds(30), "the drone held by the zone's policy", () -> {
            VehicleState s = server.registry().find(drone).orElseThrow();
            return s.status().flightMode().equals("HOLD") && s.motion() != null && s.motion().groundspeedMps() < 0.5;
        });
        VehicleState held = server.registry().find(drone).orElseThrow();
        double heldNorthM = (held.position().latDeg() - LAT) * M_PER_DEG;
        assertThat(heldNorthM).as("held near the boundary, not flown through").isBetween(southEdgeM - 60, southEdgeM + 40);
        assertThat(server.audit().entries()).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("geofence HOLD");
            assertThat(e.detail()).contains("stadium");
            assertThat(e.result()).startsWith("ACCEPTED");
        });
    }

    private static List<EventType> types(StreamRecorder<StreamEventsRequest, StreamEventsResponse> events) {
        return events.received.stream().flatMap(r -> r.getEventsList().stream())
                .filter(e -> Set.of(EventType.EVENT_TYPE_GEOFENCE_PREDICTED_BREACH, EventType.EVENT_TYPE_GEOFENCE_BREACH,
                        EventType.EVENT_TYPE_GEOFENCE_CLEARED).contains(e.getType()))
                .map(VehicleEvent::getType).toList();
    }
}
