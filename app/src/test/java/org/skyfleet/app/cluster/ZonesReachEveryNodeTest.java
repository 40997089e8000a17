package org.skyfleet.app.cluster;

import org.skyfleet.cluster.ClusterConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.store.jdbc.JdbcStore;
import org.skyfleet.fleet.vehicle.VehicleKind;
import org.skyfleet.proto.v1.CreateZoneRequest;
import org.skyfleet.proto.v1.DeleteZoneRequest;
import org.skyfleet.proto.v1.GeoPoint;
import org.skyfleet.proto.v1.GeofenceAltitudeReference;
import org.skyfleet.proto.v1.GeofenceBreachPolicy;
import org.skyfleet.proto.v1.GeofenceCategory;
import org.skyfleet.proto.v1.GeofenceServiceGrpc;
import org.skyfleet.proto.v1.GeofenceZone;
import org.skyfleet.proto.v1.GeofenceZoneKind;
import org.skyfleet.proto.v1.ListZonesRequest;
import org.skyfleet.proto.v1.Polygon;
import org.skyfleet.server.Await;
import org.skyfleet.server.TestPostgres;
import org.skyfleet.server.automation.AutomationConfig;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.cluster.bus.NatsTestServer;
import org.skyfleet.server.grpc.CallerInterceptor;

/**
 * Two nodes on one PostgreSQL and the real NATS: a zone created through node A is listed and enforced on
 * node B well before B's periodic reload (30 s) could have found it, and goes from both when deleted through A.
 */
class ZonesReachEveryNodeTest {
    /** Well under the 30 s safety reload: only the notice can make it in time. */
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final double LAT = 51.5034;
    private static final double LON = -0.1276;

    private TestPostgres db;
    private SkyfleetServer nodeA;
    private SkyfleetServer nodeB;
    private ManagedChannel channelA;
    private ManagedChannel channelB;

    @AfterEach
    void stop() {
        for (ManagedChannel c : new ManagedChannel[] {channelA, channelB}) {
            if (c != null) {
                c.shutdownNow();
            }
        }
        for (SkyfleetServer n : new SkyfleetServer[] {nodeB, nodeA}) {
            if (n != null) {
                n.close();
            }
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aZoneCreatedThroughOneNodeIsEnforcedAndListedOnTheOtherAndGoesWhenDeleted() throws Exception {
        NatsTestServer.connect("probe").close(); // skips, or fails in CI, without NATS
        db = TestPostgres.freshSchema();
        nodeA = node(NatsTestServer.unique("ZA"));
        nodeB = node(NatsTestServer.unique("ZB"));
        channelA = NettyChannelBuilder.forAddress("127.0.0.1", nodeA.grpcPort()).usePlaintext().build();
        channelB = NettyChannelBuilder.forAddress("127.0.0.1", nodeB.grpcPort()).usePlaintext().build();
        var zonesA = admin(GeofenceServiceGrpc.newBlockingStub(channelA));
        var zonesB = admin(GeofenceServiceGrpc.newBlockingStub(channelB));
        assertThat(breachesOnB()).isZero();

        zonesA.createZone(CreateZoneRequest.newBuilder().setZone(stadium()).build());

        Await.until(WAIT, "node B to enforce the zone created through A", () -> breachesOnB() == 1);
        assertThat(zonesB.listZones(ListZonesRequest.getDefaultInstance()).getZonesList())
                .extracting(GeofenceZone::getZoneId).containsExactly("stadium");

        zonesA.deleteZone(DeleteZoneRequest.newBuilder().setZoneId("stadium").build());

        Await.until(WAIT, "node B to stop enforcing the zone deleted through A", () -> breachesOnB() == 0);
        assertThat(zonesB.listZones(ListZonesRequest.getDefaultInstance()).getZonesList()).isEmpty();
    }

    /** What B's live enforcement finds for a drone at 30 m in the middle of the stadium. */
    private int breachesOnB() {
        return nodeB.geofences().index().check("drone-1", VehicleKind.MULTICOPTER, LAT + 50 / 111_320.0, LON, 30, Instant.now())
                .size();
    }

    private SkyfleetServer node(String nodeId) throws Exception {
        return SkyfleetServer.start(ServerConfig.ephemeral(), AutomationConfig.defaults(), JdbcStore.open(db.url()),
                InstantSource.system(), ClusterConfig.of(NatsTestServer.URL, nodeId));
    }

    private static <S extends io.grpc.stub.AbstractStub<S>> S admin(S stub) {
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("ada", "admin")));
    }

    /** A 100 m square just north of (LAT, LON), from the ground up. */
    private static GeofenceZone stadium() {
        return GeofenceZone.newBuilder().setZoneId("stadium").setName("Stadium")
                .setPolygon(Polygon.newBuilder().addOuter(at(0, -50)).addOuter(at(0, 50)).addOuter(at(100, 50)).addOuter(at(100, -50)))
                .setKind(GeofenceZoneKind.GEOFENCE_ZONE_KIND_EXCLUSION)
                .setAltitudeReference(GeofenceAltitudeReference.GEOFENCE_ALTITUDE_REFERENCE_RELATIVE_TO_HOME)
                .setCategory(GeofenceCategory.GEOFENCE_CATEGORY_CROWD_EVENT)
                .setBreachPolicy(GeofenceBreachPolicy.GEOFENCE_BREACH_POLICY_HOLD).build();
    }

    private static GeoPoint at(double northM, double eastM) {
        return GeoPoint.newBuilder().setLatDeg(LAT + northM / 111_320.0)
                .setLonDeg(LON + eastM / (111_320.0 * Math.cos(Math.toRadians(LAT)))).build();
    }
}
