package org.skyfleet.server;

import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.app.ServerConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skyfleet.proto.v1.BoundingBox;
import org.skyfleet.proto.v1.FleetServiceGrpc;
import org.skyfleet.proto.v1.GetVehicleRequest;
import org.skyfleet.proto.v1.ListVehiclesRequest;
import org.skyfleet.proto.v1.StreamEventsRequest;
import org.skyfleet.proto.v1.StreamVehicleStatesRequest;
import org.skyfleet.proto.v1.StreamVehicleStatesResponse;
import org.skyfleet.proto.v1.TelemetryServiceGrpc;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.SimulationConfig;

/** Bad requests get precise statuses with a message; the standard services and metrics answer. */
class GrpcContractTest {
    private static SkyfleetServer server;
    private static Simulation sim;
    private static ManagedChannel channel;
    private static String droneId;

    @BeforeAll
    static void start() throws Exception {
        server = SkyfleetServer.start(ServerConfig.ephemeral(), InstantSource.system());
        sim = Simulation.start(SimulationConfig.around(new InetSocketAddress("127.0.0.1", server.mavlinkAddress().getPort()),
                43.7, 7.26, 1, 0, 3));
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
        Await.until(Duration.ofSeconds(20), "the drone to connect", () -> server.registry().size() == 1);
        droneId = server.registry().all().get(0).vehicleId();
    }

    @AfterAll
    static void stop() {
        channel.shutdownNow();
        sim.close();
        server.close();
    }

    private static StatusRuntimeException firstStreamError(StreamVehicleStatesRequest request) {
        var it = TelemetryServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS).streamVehicleStates(request);
        try {
            it.hasNext();
        } catch (StatusRuntimeException e) {
            return e;
        }
        throw new AssertionError("stream did not fail");
    }

    private static BoundingBox box(double s, double w, double n, double e) {
        return BoundingBox.newBuilder().setSouthLatDeg(s).setWestLonDeg(w).setNorthLatDeg(n).setEastLonDeg(e).build();
    }

    @Test
    void nonsenseStreamFiltersAreInvalidArgumentsSayingWhatIsWrong() {
        record Case(StreamVehicleStatesRequest request, String says) {
        }
        List<Case> cases = List.of(
                new Case(StreamVehicleStatesRequest.newBuilder().setMaxRateHz(0).build(), "max_rate_hz"),
                new Case(StreamVehicleStatesRequest.newBuilder().setMaxRateHz(-2).build(), "max_rate_hz"),
                new Case(StreamVehicleStatesRequest.newBuilder().setMaxRateHz(Double.NaN).build(), "max_rate_hz"),
                new Case(StreamVehicleStatesRequest.newBuilder().setArea(box(44, 7, 43, 8)).build(), "inverted"),
                new Case(StreamVehicleStatesRequest.newBuilder().setArea(box(43, 8, 44, 7)).build(), "inverted"),
                new Case(StreamVehicleStatesRequest.newBuilder().setArea(box(43, 7, 91, 8)).build(), "-90..90"),
                new Case(StreamVehicleStatesRequest.newBuilder().setArea(box(Double.NaN, 7, 44, 8)).build(), "finite"),
                new Case(StreamVehicleStatesRequest.newBuilder().addVehicleIds("").build(), "empty id"));
        for (Case c : cases) {
            StatusRuntimeException e = firstStreamError(c.request());
            assertThat(e.getStatus().getCode()).as(c.request().toString()).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(e.getStatus().getDescription()).contains(c.says());
        }
    }

    @Test
    void unknownVehiclesAreNotFound() {
        assertThat(firstStreamError(StreamVehicleStatesRequest.newBuilder().addVehicleIds("mav-1-99").build())
                .getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThatThrownBy(() -> FleetServiceGrpc.newBlockingStub(channel)
                .getVehicle(GetVehicleRequest.newBuilder().setVehicleId("nope").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
                    assertThat(e.getStatus().getDescription()).contains("nope");
                });
        assertThatThrownBy(() -> FleetServiceGrpc.newBlockingStub(channel).getVehicle(GetVehicleRequest.getDefaultInstance()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
        var events = TelemetryServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
                .streamEvents(StreamEventsRequest.newBuilder().addVehicleIds("ghost").build());
        assertThatThrownBy(events::hasNext).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    @Test
    void filtersSelectByIdAreaAndRate() {
        var byArea = TelemetryServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                .streamVehicleStates(StreamVehicleStatesRequest.newBuilder().addVehicleIds(droneId)
                        .setArea(box(43.6, 7.1, 43.8, 7.4)).setMaxRateHz(2).build());
        StreamVehicleStatesResponse first = byArea.next();
        assertThat(first.getStatesList()).singleElement().satisfies(s -> {
            assertThat(s.getVehicleId()).isEqualTo(droneId);
            assertThat(s.getPosition().getAgeMs()).isLessThan(5_000);
        });
        long t0 = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            byArea.next();
        }
        // Four more updates at 2 Hz take at least 1.5 s, though the drone reports far faster.
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThan(Duration.ofMillis(1400));
    }

    @Test
    void garbageDatagramsOverRealUdpAreCountedAndTheServerKeepsServing() throws Exception {
        double before = server.ingestMetrics().datagramsIn();
        Random random = new Random(1);
        try (DatagramSocket socket = new DatagramSocket()) {
            for (int i = 0; i < 2_000; i++) {
                byte[] junk = new byte[1 + random.nextInt(400)];
                random.nextBytes(junk);
                socket.send(new DatagramPacket(junk, junk.length, new InetSocketAddress("127.0.0.1", server.mavlinkAddress().getPort())));
            }
        }
        Await.until(Duration.ofSeconds(10), "junk to be counted", () -> server.ingestMetrics().datagramsIn() >= before + 1_900);
        assertThat(server.ingestMetrics().handlerErrors()).isZero();
        assertThat(FleetServiceGrpc.newBlockingStub(channel).listVehicles(ListVehiclesRequest.getDefaultInstance())
                .getVehiclesCount()).isEqualTo(1);
    }

    @Test
    void reflectionHealthAndMetricsAnswer() throws Exception {
        assertThat(HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance()).getStatus())
                .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);

        CompletableFuture<ServerReflectionResponse> listed = new CompletableFuture<>();
        StreamObserver<ServerReflectionRequest> req = ServerReflectionGrpc.newStub(channel).serverReflectionInfo(
                new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse value) {
                        listed.complete(value);
                    }

                    @Override
                    public void onError(Throwable t) {
                        listed.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        req.onNext(ServerReflectionRequest.newBuilder().setListServices("*").build());
        req.onCompleted();
        assertThat(listed.get(10, TimeUnit.SECONDS).getListServicesResponse().getServiceList())
                .extracting(ServiceResponse::getName).contains("skyfleet.v1.TelemetryService", "skyfleet.v1.FleetService");

        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.httpPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("skyfleet_mavlink_datagrams_in_total",
                "skyfleet_mavlink_frames_decoded_total{type=\"GLOBAL_POSITION_INT\"}",
                "skyfleet_mavlink_frames_bad_total{reason=\"bad_crc\"}",
                "skyfleet_vehicles{link_state=\"connected\"} 1.0",
                "skyfleet_fanout_updates_sent_total", "skyfleet_fanout_updates_conflated_total", "skyfleet_subscribers");
    }
}
