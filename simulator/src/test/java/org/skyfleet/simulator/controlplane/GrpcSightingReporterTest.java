package org.skyfleet.simulator.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.skyfleet.simulator.Eventually.await;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyfleet.proto.v1.ReportSightingRequest;
import org.skyfleet.proto.v1.ReportSightingResponse;
import org.skyfleet.proto.v1.SightingServiceGrpc;
import org.skyfleet.proto.v1.SightingSource;
import org.skyfleet.proto.v1.TargetClass;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.gcs.TestScenarios;
import org.skyfleet.simulator.scenario.Scenario;
import org.skyfleet.simulator.sensor.SightingReport;

/** The drones' sightings sent to an in-process SightingService: fields, identity, retries, and never blocking. */
class GrpcSightingReporterTest {
    private final List<ReportSightingRequest> received = new CopyOnWriteArrayList<>();
    private final List<Metadata> headers = new CopyOnWriteArrayList<>();
    private Server server;
    private ManagedChannel channel;
    private GrpcSightingReporter reporter;

    /** Answers each sighting with track "trk-1", after {@code failFirst} UNAVAILABLE answers; or never, if {@code silent}. */
    private static final class FakeSightings extends SightingServiceGrpc.SightingServiceImplBase {
        final AtomicInteger failFirst = new AtomicInteger();
        final List<StreamObserver<ReportSightingResponse>> unanswered = new CopyOnWriteArrayList<>();
        final List<ReportSightingRequest> received;
        final boolean silent;

        FakeSightings(List<ReportSightingRequest> received, boolean silent) {
            this.received = received;
            this.silent = silent;
        }

        @Override
        public void reportSighting(ReportSightingRequest request, StreamObserver<ReportSightingResponse> response) {
            received.add(request);
            if (silent) {
                unanswered.add(response);
                return;
            }
            if (failFirst.getAndDecrement() > 0) {
                response.onError(Status.UNAVAILABLE.withDescription("fusion restarting").asRuntimeException());
                return;
            }
            response.onNext(ReportSightingResponse.newBuilder().setSightingId(request.getSightingId()).setTrackId("trk-1").build());
            response.onCompleted();
        }
    }

    private FakeSightings serve(boolean silent) throws IOException {
        FakeSightings fake = new FakeSightings(received, silent);
        ServerInterceptor capture = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata h, ServerCallHandler<Q, R> next) {
                headers.add(h);
                return next.startCall(call, h);
            }
        };
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).addService(ServerInterceptors.intercept(fake, capture)).build().start();
        channel = InProcessChannelBuilder.forName(name).build();
        return fake;
    }

    @AfterEach
    void stop() {
        if (reporter != null) {
            reporter.close();
        }
        channel.shutdownNow();
        server.shutdownNow();
    }

    private static SightingReport sighting(int n, String vehicle, String truth) {
        return new SightingReport(vehicle + "-" + n, vehicle, Simulation.MANUAL_EPOCH_MS + 1234 + n, 53.39, -1.86, 4.5,
                0.82, "THERMAL", 80, truth);
    }

    @Test
    void sendsEachSightingAsTheServerKnowsTheVehicleAndNeverTheGroundTruth() throws IOException {
        serve(false);
        Scenario s = TestScenarios.of(1, List.of(TestScenarios.drone("drone-1"), TestScenarios.drone("drone-2")));
        reporter = new GrpcSightingReporter(channel, VehicleIds.mavlink(s, 14550), GrpcSightingReporter.Options.defaults());
        AtomicReference<String> incident = new AtomicReference<>();
        reporter.setIncident(incident::get);

        reporter.report(sighting(1, "drone-2", "missing-person"));
        incident.set("inc-42");
        reporter.report(sighting(2, "drone-1", null));
        await("both answered", () -> reporter.accepted() == 2);

        ReportSightingRequest first = received.stream().filter(r -> r.getSightingId().equals("drone-2-1")).findFirst().orElseThrow();
        assertThat(first.getSource()).isEqualTo(SightingSource.SIGHTING_SOURCE_DRONE);
        assertThat(first.getSourceId()).isEqualTo("mav-14550-2");
        assertThat(first.getTime().getSeconds()).isEqualTo((Simulation.MANUAL_EPOCH_MS + 1235) / 1000);
        assertThat(first.getTime().getNanos()).isEqualTo(235_000_000);
        assertThat(first.getPosition().getLatDeg()).isEqualTo(53.39);
        assertThat(first.getPosition().getLonDeg()).isEqualTo(-1.86);
        assertThat(first.getSigmaM()).isEqualTo(4.5);
        assertThat(first.getTargetClass()).isEqualTo(TargetClass.TARGET_CLASS_PERSON);
        assertThat(first.getConfidence()).isCloseTo(0.82, within(1e-12));
        assertThat(first.getIncidentId()).isEmpty();
        ReportSightingRequest second = received.stream().filter(r -> r.getSightingId().equals("drone-1-2")).findFirst().orElseThrow();
        assertThat(second.getSourceId()).isEqualTo("mav-14550-1");
        assertThat(second.getIncidentId()).isEqualTo("inc-42");

        assertThat(received).allSatisfy(r -> assertThat(r.toString()).doesNotContain("missing-person"));
        assertThat(headers).extracting(h -> h.get(GrpcSightingReporter.SUBJECT)).containsExactlyInAnyOrder("mav-14550-2", "mav-14550-1");
        assertThat(headers).allSatisfy(h -> assertThat(h.get(GrpcSightingReporter.ROLE)).isEqualTo("vehicle_edge"));
        assertThat(reporter.reports()).extracting(SightingReport::truthTargetId).containsExactly("missing-person", null);
        assertThat(reporter.trackIdOf("drone-2-1")).contains("trk-1");
    }

    @Test
    void retriesASightingTheServerCouldNotTakeUnderTheSameId() throws IOException {
        FakeSightings fake = serve(false);
        fake.failFirst.set(2);
        reporter = new GrpcSightingReporter(channel, name -> name,
                GrpcSightingReporter.Options.defaults().withRetryBackoff(Duration.ofMillis(5)));
        reporter.report(sighting(1, "drone-1", null));
        await("accepted on the third attempt", () -> reporter.accepted() == 1);
        assertThat(received).extracting(ReportSightingRequest::getSightingId).containsExactly("drone-1-1", "drone-1-1", "drone-1-1");
        assertThat(reporter.retried()).isEqualTo(2);
        assertThat(reporter.failed()).isZero();
        assertThat(reporter.inFlight()).isZero();
    }

    @Test
    void aServerThatNeverAnswersNeverBlocksTheSimulationThread() throws IOException {
        FakeSightings fake = serve(true);
        reporter = new GrpcSightingReporter(channel, name -> name,
                GrpcSightingReporter.Options.defaults().withMaxInFlight(256).withCallTimeout(Duration.ofMinutes(1)));
        List<Long> callNanos = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            long t0 = System.nanoTime();
            reporter.report(sighting(i, "drone-1", "someone"));
            callNanos.add(System.nanoTime() - t0);
        }
        assertThat(reporter.inFlight()).isEqualTo(256);
        assertThat(reporter.dropped()).isEqualTo(1000 - 256);
        assertThat(reporter.reports()).hasSize(1000);
        assertThat(callNanos.stream().mapToLong(Long::longValue).max().orElseThrow()).as("slowest report() call, ns")
                .isLessThan(Duration.ofMillis(200).toNanos());
        await("the 256 calls at the server", () -> fake.unanswered.size() == 256);

        reporter.close();
        await("outstanding calls cancelled", () -> reporter.inFlight() == 0);
        assertThat(reporter.failed()).isEqualTo(256);
        reporter.report(sighting(1000, "drone-1", null));
        assertThat(reporter.dropped()).isEqualTo(1000 - 256 + 1);
    }
}
