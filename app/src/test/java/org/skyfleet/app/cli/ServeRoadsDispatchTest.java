package org.skyfleet.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyfleet.planner.geo.GreatCircle;
import org.skyfleet.proto.v1.Assignment;
import org.skyfleet.proto.v1.CreateIncidentRequest;
import org.skyfleet.proto.v1.DispatchServiceGrpc;
import org.skyfleet.proto.v1.EtaMethod;
import org.skyfleet.proto.v1.GeoPoint;
import org.skyfleet.proto.v1.IncidentPriority;
import org.skyfleet.proto.v1.IncidentServiceGrpc;
import org.skyfleet.proto.v1.IncidentType;
import org.skyfleet.proto.v1.ListAssignmentsRequest;
import org.skyfleet.proto.v1.ReportSightingRequest;
import org.skyfleet.proto.v1.ReportUnitPositionsResponse;
import org.skyfleet.proto.v1.SightingServiceGrpc;
import org.skyfleet.proto.v1.SightingSource;
import org.skyfleet.proto.v1.StreamAssignmentsRequest;
import org.skyfleet.proto.v1.TargetClass;
import org.skyfleet.proto.v1.UnitPositionReport;
import org.skyfleet.proto.v1.UnitStatus;
import org.skyfleet.proto.v1.UnitType;
import org.skyfleet.server.Await;
import org.skyfleet.server.grpc.CallerInterceptor;

/**
 * {@code skyfleet serve --roads FILE} configured by its command line, the way an operator starts it (in this process,
 * through the same parser and start as the command), beside a plain {@code skyfleet serve}: two patrol cars on the Yong river, one on the far bank 300 m from a sighting but 6 km round by the only
 * bridge, one 800 m up the near bank. An incident is raised and seen over gRPC; with the road file the near-bank car
 * is sent, and its assignment says ROAD and carries the route over the roads; without it the far-bank car is sent,
 * and the assignment says the estimate is the straight-line fallback.
 */
class ServeRoadsDispatchTest {
    private static final double LAT = 29.8717;
    private static final double LON = 121.5547;
    private static final double DLAT = 1 / 111_320.0;
    private static final double DLON = 1 / (111_320.0 * Math.cos(Math.toRadians(LAT)));

    @TempDir
    Path dir;

    private static GeoPoint at(double eastM, double northM) {
        return GeoPoint.newBuilder().setLatDeg(LAT + northM * DLAT).setLonDeg(LON + eastM * DLON).build();
    }

    private static String json(double eastM, double northM) {
        GeoPoint p = at(eastM, northM);
        return "[" + p.getLonDeg() + "," + p.getLatDeg() + "]";
    }

    private static String road(String... points) {
        return "{\"type\":\"Feature\",\"properties\":{\"kind\":\"road\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":["
                + String.join(",", points) + "]}}";
    }

    /** North bank at y = 0, south bank at y = -300, one bridge at x = 3000 (as GeoJsonRoadsTest's river). */
    private Path riverRoads() throws IOException {
        String north = road(json(-800, 0), json(0, 0), json(3000, 0));
        String bridge = road(json(3000, 0), json(3000, -300));
        String south = road(json(0, -300), json(3000, -300));
        return Files.writeString(dir.resolve("yong-river.geojson"),
                "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", north, bridge, south) + "]}");
    }

    /** {@code skyfleet serve} with these arguments, as the command parses and starts it. */
    private org.skyfleet.app.SkyfleetServer serve(String name, List<String> extra) throws Exception {
        Path data = Files.createDirectories(dir.resolve(name));
        List<String> args = new ArrayList<>(List.of("--grpc-port", "0", "--http-port", "0", "--mavlink-host", "127.0.0.1",
                "--mavlink-port", "0", "--ais-port", "-1", "--data-dir", data.toString()));
        args.addAll(extra);
        ServeCommand serve = new ServeCommand();
        serve.environment = key -> null; // no token key: callers name themselves in metadata, as on a lab bench
        new picocli.CommandLine(serve).parseArgs(args.toArray(String[]::new));
        org.skyfleet.app.SkyfleetServer server = serve.start();
        assertThat(server).as("serve " + String.join(" ", args) + " started").isNotNull();
        return server;
    }

    private static <S extends io.grpc.stub.AbstractStub<S>> S asDispatcher(S stub) {
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("dana", "dispatcher")));
    }

    /** Both cars report once, as their apps would; the server answers how many it took. */
    private static void carsReport(ManagedChannel channel) throws Exception {
        CompletableFuture<ReportUnitPositionsResponse> answer = new CompletableFuture<>();
        StreamObserver<UnitPositionReport> phone = asDispatcher(DispatchServiceGrpc.newStub(channel))
                .reportUnitPositions(new StreamObserver<>() {
                    @Override
                    public void onNext(ReportUnitPositionsResponse r) {
                        answer.complete(r);
                    }

                    @Override
                    public void onError(Throwable t) {
                        answer.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        phone.onNext(car("car-south", "南岸 1", at(0, -300)));
        phone.onNext(car("car-north", "北岸 2", at(-800, 0)));
        phone.onCompleted();
        assertThat(answer.get(30, TimeUnit.SECONDS).getAccepted()).isEqualTo(2);
    }

    private static UnitPositionReport car(String id, String callsign, GeoPoint p) {
        return UnitPositionReport.newBuilder().setUnitId(id).setCallsign(callsign).setUnitType(UnitType.UNIT_TYPE_PATROL_CAR)
                .setStatus(UnitStatus.UNIT_STATUS_AVAILABLE).setPosition(p).setAccuracyM(5).build();
    }

    /** An incident 10 m north of the north bank, seen twice by an officer on the spot: a confirmed track, a dispatch. */
    private static Assignment raiseAndDispatch(ManagedChannel channel) {
        GeoPoint scene = at(0, 10);
        String incident = asDispatcher(IncidentServiceGrpc.newBlockingStub(channel)).withDeadlineAfter(30, TimeUnit.SECONDS)
                .createIncident(CreateIncidentRequest.newBuilder().setExternalId("110-20261207-0311")
                        .setType(IncidentType.INCIDENT_TYPE_SUSPECT).setPriority(IncidentPriority.INCIDENT_PRIORITY_P2)
                        .setLocation(scene).setSubjectDescription("man in a red jacket by the river").build())
                .getIncident().getIncidentId();
        Instant now = Instant.now();
        for (int i = 0; i < 2; i++) {
            asDispatcher(SightingServiceGrpc.newBlockingStub(channel)).withDeadlineAfter(30, TimeUnit.SECONDS)
                    .reportSighting(ReportSightingRequest.newBuilder().setSightingId("s-" + i)
                            .setSource(SightingSource.SIGHTING_SOURCE_OFFICER).setSourceId("beat-7").setPosition(scene)
                            .setTime(org.skyfleet.server.grpc.ProtoMapper.timestamp(now.minusSeconds(2 - 2L * i)))
                            .setSigmaM(5).setTargetClass(TargetClass.TARGET_CLASS_PERSON).setConfidence(0.95)
                            .setIncidentId(incident).build());
        }
        var dispatch = asDispatcher(DispatchServiceGrpc.newBlockingStub(channel));
        List<Assignment> made = new ArrayList<>();
        Await.until(Duration.ofSeconds(30), "an assignment for incident " + incident, () -> {
            made.clear();
            made.addAll(dispatch.withDeadlineAfter(5, TimeUnit.SECONDS).listAssignments(ListAssignmentsRequest.newBuilder()
                    .setIncidentId(incident).build()).getAssignmentsList());
            return !made.isEmpty();
        });
        assertThat(made).as("one unit sent").hasSize(1);
        // the unit's own stream says the same as the list: what its app shows
        Assignment streamed = dispatch.withDeadlineAfter(10, TimeUnit.SECONDS).streamAssignments(StreamAssignmentsRequest
                .newBuilder().setUnitId(made.get(0).getUnitId()).build()).next().getAssignment();
        assertThat(streamed.getAssignmentId()).isEqualTo(made.get(0).getAssignmentId());
        assertThat(streamed.getEtaMethod()).isEqualTo(made.get(0).getEtaMethod());
        assertThat(streamed.getRouteList()).isEqualTo(made.get(0).getRouteList());
        return streamed;
    }

    private static double metres(GeoPoint a, GeoPoint b) {
        return GreatCircle.distanceM(new org.skyfleet.planner.geo.GeoPoint(a.getLatDeg(), a.getLonDeg()),
                new org.skyfleet.planner.geo.GeoPoint(b.getLatDeg(), b.getLonDeg()));
    }

    @Test
    void withRoadsTheNearBankCarIsSentByRoadWithItsRouteAndWithoutThemTheFallbackIsNamed() throws Exception {
        org.skyfleet.app.SkyfleetServer byRoad = null;
        org.skyfleet.app.SkyfleetServer straight = null;
        ManagedChannel roadChannel = null;
        ManagedChannel straightChannel = null;
        try {
            byRoad = serve("roads", List.of("--roads", riverRoads().toString()));
            straight = serve("straight", List.of());
            roadChannel = NettyChannelBuilder.forAddress("127.0.0.1", byRoad.grpcPort()).usePlaintext().build();
            straightChannel = NettyChannelBuilder.forAddress("127.0.0.1", straight.grpcPort()).usePlaintext().build();

            carsReport(roadChannel);
            Assignment road = raiseAndDispatch(roadChannel);
            assertThat(road.getUnitId()).as("the car on the scene's bank, by road").isEqualTo("car-north");
            assertThat(road.getEtaMethod()).isEqualTo(EtaMethod.ETA_METHOD_ROAD);
            assertThat(road.getEtaS()).isPositive();
            assertThat(road.getRouteList()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(metres(road.getRoute(0), at(-800, 0))).as("the route starts at the car").isLessThan(1);
            assertThat(metres(road.getRoute(road.getRouteCount() - 1), at(0, 10))).as("and ends at the scene").isLessThan(1);
            assertThat(road.getRouteList()).as("along the north bank's road").anySatisfy(p -> assertThat(metres(p, at(0, 0))).isLessThan(1));
            assertThat(road.getRouteLengthM()).isCloseTo(810, org.assertj.core.data.Offset.offset(5.0));
            assertThat(road.getDistanceM()).isCloseTo(road.getRouteLengthM(), org.assertj.core.data.Offset.offset(1.0));

            carsReport(straightChannel);
            Assignment crow = raiseAndDispatch(straightChannel);
            assertThat(crow.getUnitId()).as("the car nearest as the crow flies, across the water").isEqualTo("car-south");
            assertThat(crow.getEtaMethod()).isEqualTo(EtaMethod.ETA_METHOD_STRAIGHT_LINE);
            assertThat(crow.getEtaS()).isPositive();
            assertThat(crow.getRouteList()).isEmpty();
            assertThat(crow.getRouteLengthM()).isZero();
        } finally {
            for (ManagedChannel c : new ManagedChannel[] {roadChannel, straightChannel}) {
                if (c != null) {
                    c.shutdownNow();
                }
            }
            for (org.skyfleet.app.SkyfleetServer s : new org.skyfleet.app.SkyfleetServer[] {byRoad, straight}) {
                if (s != null) {
                    s.close();
                }
            }
        }
    }
}
