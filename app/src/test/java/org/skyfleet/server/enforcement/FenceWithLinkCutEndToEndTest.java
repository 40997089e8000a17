package org.skyfleet.server.enforcement;

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
import org.skyfleet.fleet.geofence.AltitudeBand;
import org.skyfleet.fleet.geofence.BreachPolicy;
import org.skyfleet.fleet.geofence.Zone;
import org.skyfleet.fleet.geofence.ZoneApplicability;
import org.skyfleet.fleet.geofence.ZoneCategory;
import org.skyfleet.fleet.geofence.ZoneKind;
import org.skyfleet.fleet.geofence.ZoneShape;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GeoPolygon;
import org.skyfleet.proto.v1.AcquireControlRequest;
import org.skyfleet.proto.v1.FleetServiceGrpc;
import org.skyfleet.proto.v1.UploadFenceRequest;
import org.skyfleet.server.Await;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.scenario.Scenario;

/** The zones go to the autopilot as its fence, so the vehicle stops at the boundary with no link to the server. */
class FenceWithLinkCutEndToEndTest {
    private static final double LAT = 51.5034;
    private static final double LON = -0.1276;
    private static final double M_PER_DEG = 111_320.0;
    private static final double SOUTH_EDGE_M = 450;
    private static final String SCENARIO = """
            {"name": "fence-link-cut", "description": "one drone patrolling north", "seed": 8,
             "durationS": 3600, "timeScale": 5, "home": {"latDeg": 51.5034, "lonDeg": -0.1276}, "homeAltAmslM": 20,
             "area": [], "night": false, "canopyCover": 0, "wind": {"speedMps": 0, "fromDeg": 0, "gustMps": 0},
             "failsafe": {"batteryReturnPercent": 20, "batteryLandPercent": 8, "lostLinkTimeoutS": 3600, "fenceAction": "HOLD"},
             "vehicles": [{"name": "patrol", "type": "MULTICOPTER", "camera": {"preset": "VISUAL", "falsePositivesPerMin": 0},
                           "patrol": [{"latDeg": 51.5034, "lonDeg": -0.1276}, {"latDeg": 51.51239, "lonDeg": -0.1276}],
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
        Await.until(Duration.ofSeconds(20), "the patrol drone", () -> server.registry().all().stream().anyMatch(s -> s.home() != null));
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
    void vehicleThatReceivedTheFenceHoldsAtTheBoundaryWithTheLinkCut() {
        server.geofences().save(new Zone("z-prison", "prison", new ZoneShape.Polygon(new GeoPolygon(List.of(
                north(SOUTH_EDGE_M, -80), north(SOUTH_EDGE_M, 80), north(SOUTH_EDGE_M + 150, 80), north(SOUTH_EDGE_M + 150, -80)),
                List.of())), ZoneKind.EXCLUSION, AltitudeBand.relative(0, 500), null, ZoneCategory.PRISON,
                ZoneApplicability.all(), BreachPolicy.WARN));
        String drone = server.registry().all().get(0).vehicleId();
        var pilot = FleetServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("pam", "pilot")));
        pilot.acquireControl(AcquireControlRequest.newBuilder().setVehicleId(drone).build());

        var fence = pilot.uploadFence(UploadFenceRequest.newBuilder().setVehicleId(drone).build());
        assertThat(fence.getVerified()).as(fence.getDetail()).isTrue();
        assertThat(fence.getItems()).isEqualTo(4);
        assertThat(sim.vehicle("patrol").vehicle().northM()).as("still short of the zone when the link goes").isLessThan(SOUTH_EDGE_M - 50);

        sim.setLinkUp("patrol", false);

        Await.until(Duration.ofSeconds(60), "the autopilot to hold at its fence",
                () -> sim.vehicle("patrol").autopilot().mode().name().equals("HOLD") && sim.vehicle("patrol").vehicle().northM() > 300);
        double heldAt = sim.vehicle("patrol").vehicle().northM();
        assertThat(heldAt).as("held at the boundary, not inside the prison").isBetween(SOUTH_EDGE_M - 80, SOUTH_EDGE_M + 15);
    }
}
