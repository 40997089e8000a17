package org.skyfleet.server.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.fleet.geofence.AltitudeBand;
import org.skyfleet.fleet.geofence.BreachPolicy;
import org.skyfleet.fleet.geofence.GateKind;
import org.skyfleet.fleet.geofence.Zone;
import org.skyfleet.fleet.geofence.ZoneKind;
import org.skyfleet.fleet.geofence.ZoneShape;
import org.skyfleet.fleet.store.jdbc.JdbcStore;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GeoPolygon;
import org.skyfleet.proto.v1.DispatchServiceGrpc;
import org.skyfleet.proto.v1.Gate;
import org.skyfleet.proto.v1.GateKindCount;
import org.skyfleet.proto.v1.GateServiceGrpc;
import org.skyfleet.proto.v1.GateSubjectKind;
import org.skyfleet.proto.v1.ListGatesRequest;
import org.skyfleet.proto.v1.ReportUnitPositionsResponse;
import org.skyfleet.proto.v1.UnitPositionReport;
import org.skyfleet.proto.v1.UnitStatus;
import org.skyfleet.proto.v1.UnitType;
import org.skyfleet.server.Await;
import org.skyfleet.server.automation.AutomationConfig;
import org.skyfleet.server.grpc.CallerInterceptor;

/**
 * A toll station's counters survive a restart of the server over its file-backed H2 store: an officer's phone
 * reports positions over gRPC walking into the gate and out again, ListGates counts one in and one out for the
 * last hour and today; the server stops, a new one opens the same data directory, and ListGates (with no position
 * reported since) counts the same, the latest crossings listed too.
 */
class GateCountersSurviveARestartTest {
    private static final double LAT = 29.8683;
    private static final double LON = 121.6147;
    private static final double M_PER_DEG = 111_320.0;

    @TempDir
    Path dataDir;

    private SkyfleetServer start() throws Exception {
        return SkyfleetServer.start(ServerConfig.ephemeral(), AutomationConfig.defaults(), JdbcStore.openEmbedded(dataDir),
                InstantSource.system());
    }

    private static GeoPoint at(double eastM, double northM) {
        return new GeoPoint(LAT + northM / M_PER_DEG, LON + eastM / (M_PER_DEG * Math.cos(Math.toRadians(LAT))));
    }

    private static Gate listed(ManagedChannel channel, String id) {
        return GateServiceGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(
                        CallerInterceptor.headers("cmdr", "commander")))
                .listGates(ListGatesRequest.getDefaultInstance()).getGatesList().stream()
                .filter(g -> g.getZone().getZoneId().equals(id)).findFirst().orElseThrow();
    }

    private static long count(List<GateKindCount> counts, boolean in) {
        return counts.stream().filter(c -> c.getKind() == GateSubjectKind.GATE_SUBJECT_KIND_GROUND_UNIT)
                .mapToLong(c -> in ? c.getInCount() : c.getOutCount()).sum();
    }

    private static void report(StreamObserver<UnitPositionReport> phone, GeoPoint p) {
        phone.onNext(UnitPositionReport.newBuilder().setUnitId("officer-9").setUnitType(UnitType.UNIT_TYPE_OFFICER_ON_FOOT)
                .setStatus(UnitStatus.UNIT_STATUS_AVAILABLE)
                .setPosition(org.skyfleet.proto.v1.GeoPoint.newBuilder().setLatDeg(p.latDeg()).setLonDeg(p.lonDeg())).build());
    }

    /** Reports {@code p} until the gates have sampled it twice (the pass under way may have read the last one). */
    private static void standAt(SkyfleetServer server, StreamObserver<UnitPositionReport> phone, GeoPoint p) {
        report(phone, p);
        Await.until(Duration.ofSeconds(10), "the unit at its new position", () -> server.records().orElseThrow().dispatcher()
                .roster().all().stream().anyMatch(u -> u.unitId().equals("officer-9")
                        && Math.abs(u.position().latDeg() - p.latDeg()) < 1e-9));
        long before = server.gates().samples();
        Await.until(Duration.ofSeconds(10), "two gate passes", () -> server.gates().samples() >= before + 2);
    }

    @Test
    void aTollStationsCountersForTheHourAndTodaySurviveARestart() throws Exception {
        Gate counted;
        try (SkyfleetServer first = start()) {
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", first.grpcPort()).usePlaintext().build();
            try {
                first.geofences().save(new Zone("g-toll", "宁波东收费站", new ZoneShape.Polygon(new GeoPolygon(List.of(
                        at(-50, -50), at(50, -50), at(50, 50), at(-50, 50)), List.of())), ZoneKind.INCLUSION,
                        AltitudeBand.unlimited(), null, GateKind.TOLL_STATION.category(), null, BreachPolicy.WARN, GateKind.TOLL_STATION));
                StreamObserver<UnitPositionReport> phone = DispatchServiceGrpc.newStub(channel).withInterceptors(
                                MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("officer-9", "officer")))
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
                standAt(first, phone, at(0, -300));
                standAt(first, phone, at(0, 0));
                standAt(first, phone, at(0, 300));
                Await.until(Duration.ofSeconds(10), "the unit counted in and out", () -> {
                    Gate g = listed(channel, "g-toll");
                    return count(g.getLastHourList(), true) == 1 && count(g.getLastHourList(), false) == 1;
                });
                counted = listed(channel, "g-toll");
                phone.onCompleted();
            } finally {
                channel.shutdownNow();
            }
        }
        assertThat(count(counted.getTodayList(), true)).isEqualTo(1);

        try (SkyfleetServer second = start()) {
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", second.grpcPort()).usePlaintext().build();
            try {
                Gate again = listed(channel, "g-toll");
                assertThat(count(again.getLastHourList(), true)).as("last hour, in").isEqualTo(1);
                assertThat(count(again.getLastHourList(), false)).as("last hour, out").isEqualTo(1);
                assertThat(count(again.getTodayList(), true)).as("today, in").isEqualTo(1);
                assertThat(count(again.getTodayList(), false)).as("today, out").isEqualTo(1);
                assertThat(again.getLatestList()).extracting(c -> c.getSubjectId()).containsOnly("officer-9").hasSize(2);
                assertThat(again.getLatestList()).isEqualTo(counted.getLatestList());
            } finally {
                channel.shutdownNow();
            }
        }
    }
}
