package org.skyfleet.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.MetadataUtils;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.fleet.audit.AuditEntry;
import org.skyfleet.fleet.control.Operator.Role;
import org.skyfleet.fleet.store.jdbc.JdbcStore;
import org.skyfleet.proto.v1.FleetServiceGrpc;
import org.skyfleet.proto.v1.ListVehiclesRequest;
import org.skyfleet.proto.v1.StreamVehicleStatesRequest;
import org.skyfleet.proto.v1.TelemetryServiceGrpc;
import org.skyfleet.proto.v1.StreamVehicleStatesResponse;
import org.skyfleet.server.Await;
import org.skyfleet.server.GrpcAssert;
import org.skyfleet.server.grpc.CallLimits;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.server.grpc.RpcRoles;

/**
 * Anonymous exhaustion, over real gRPC connections to a server that requires tokens and journals to an H2
 * file: a flood of unauthenticated calls costs neither a journal entry nor a thread each, a pilot is served
 * through it, and one caller cannot hold more than its share of calls in flight.
 */
class AnonymousFloodTest {
    private static final TokenAuthority TOKENS = new TokenAuthority(
            HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"), InstantSource.system());
    private static final int FLOOD_CALLS = 5_000;
    private static final int FLOOD_CONCURRENCY = 200;

    @TempDir
    Path data;

    @Test
    void aFloodOfAnonymousCallsIsOneJournalEntryAndNoThreadEach() throws Exception {
        String storeUrl = JdbcStore.embeddedUrl(data);
        int threadsBefore;
        int threadsPeak;
        try (SkyfleetServer server = SkyfleetServer.start(ServerConfig.ephemeral().withTokens(TOKENS, true),
                org.skyfleet.server.automation.AutomationConfig.defaults(), JdbcStore.open(storeUrl), InstantSource.system())) {
            long entriesBefore = server.audit().entries().size();
            List<ManagedChannel> channels = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                channels.add(NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build());
            }
            ManagedChannel pilotChannel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
            var pilot = FleetServiceGrpc.newBlockingStub(pilotChannel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(
                    CallerInterceptor.bearer(TOKENS.issue("pat", Role.PILOT, Duration.ofHours(1)))));
            pilot.listVehicles(ListVehiclesRequest.getDefaultInstance()); // connected and warm before the baseline
            threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();

            AtomicInteger unauthenticated = new AtomicInteger();
            AtomicInteger otherOutcomes = new AtomicInteger();
            AtomicInteger peak = new AtomicInteger(threadsBefore);
            AtomicBoolean flooding = new AtomicBoolean(true);
            ExecutorService attackers = Executors.newFixedThreadPool(FLOOD_CONCURRENCY);
            Thread sampler = new Thread(() -> {
                while (flooding.get()) {
                    peak.accumulateAndGet(ManagementFactory.getThreadMXBean().getThreadCount(), Math::max);
                    java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                }
            });
            sampler.start();
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < FLOOD_CALLS; i++) {
                var stub = FleetServiceGrpc.newBlockingStub(channels.get(i % channels.size()));
                calls.add(attackers.submit(() -> {
                    try {
                        stub.listVehicles(ListVehiclesRequest.getDefaultInstance());
                        otherOutcomes.incrementAndGet();
                    } catch (StatusRuntimeException e) {
                        (e.getStatus().getCode() == Status.Code.UNAUTHENTICATED ? unauthenticated : otherOutcomes).incrementAndGet();
                    }
                }));
            }
            // the pilot is served in the middle of the flood (its speed is the benchmark's to measure, not this test's)
            assertThat(pilot.listVehicles(ListVehiclesRequest.getDefaultInstance()).getVehiclesList()).isEmpty();
            for (Future<?> f : calls) {
                f.get();
            }
            flooding.set(false);
            sampler.join();
            attackers.shutdownNow();
            threadsPeak = peak.get();
            channels.forEach(ManagedChannel::shutdownNow);
            pilotChannel.shutdownNow();

            assertThat(unauthenticated).hasValue(FLOOD_CALLS);
            assertThat(otherOutcomes).hasValue(0);
            // the attack's own 200 client threads are ours; the server may add its bounded pool and no more
            assertThat(threadsPeak - threadsBefore - FLOOD_CONCURRENCY).as("server threads added by the flood")
                    .isLessThan(80);
            assertThat(server.audit().entries().size() - entriesBefore).as("journal entries written during the flood")
                    .isLessThanOrEqualTo(1);
        }
        // closing wrote what was still counted: one row for the source, the reason and the minute (or two, had the
        // flood crossed a minute), whose counts add up to the calls refused
        try (JdbcStore reopened = JdbcStore.open(storeUrl)) {
            List<AuditEntry> refusals = reopened.audit().loadAll().stream().filter(e -> e.action().equals("refused calls")).toList();
            assertThat(refusals).hasSizeBetween(1, 2).allSatisfy(e -> {
                assertThat(e.actor()).isEqualTo("anonymous");
                assertThat(e.result()).isEqualTo("UNAUTHENTICATED");
                assertThat(e.detail()).contains("from 127.0.0.1").contains("skyfleet.v1.FleetService/ListVehicles")
                        .contains("bearer token is required");
            });
            assertThat(refusals.stream().mapToLong(e -> Long.parseLong(e.detail().split(" ")[0])).sum()).isEqualTo(FLOOD_CALLS);
        }
    }

    @Test
    void oneCallerHoldsNoMoreThanItsShareOfCallsInFlight() throws Exception {
        int cap = CallLimits.defaults().perCaller();
        try (SkyfleetServer server = SkyfleetServer.start(ServerConfig.ephemeral().withTokens(TOKENS, true), InstantSource.system())) {
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
            ManagedChannel other = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
            try {
                var dana = MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.bearer(TOKENS.issue("dana", Role.COMMANDER, Duration.ofHours(1))));
                var kim = MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.bearer(TOKENS.issue("kim", Role.COMMANDER, Duration.ofHours(1))));
                assertThat(RpcRoles.WATCHERS).contains(Role.COMMANDER);
                ConcurrentLinkedQueue<Status> failures = new ConcurrentLinkedQueue<>();
                List<ClientCallStreamObserver<StreamVehicleStatesRequest>> streams = new ArrayList<>();
                for (int i = 0; i < cap + 1; i++) {
                    TelemetryServiceGrpc.newStub(channel).withInterceptors(dana).streamVehicleStates(StreamVehicleStatesRequest.getDefaultInstance(),
                            new ClientResponseObserver<StreamVehicleStatesRequest, StreamVehicleStatesResponse>() {
                                @Override
                                public void beforeStart(ClientCallStreamObserver<StreamVehicleStatesRequest> call) {
                                    streams.add(call);
                                }

                                @Override
                                public void onNext(StreamVehicleStatesResponse value) {
                                }

                                @Override
                                public void onError(Throwable t) {
                                    failures.add(Status.fromThrowable(t));
                                }

                                @Override
                                public void onCompleted() {
                                }
                            });
                }
                Await.until(Duration.ofSeconds(10), "one stream over the cap refused", () -> !failures.isEmpty());
                assertThat(failures).singleElement().satisfies(s -> {
                    assertThat(s.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
                    assertThat(s.getDescription()).contains("more than " + cap + " calls in flight for dana");
                });
                // at the cap, even a unary call by the same caller waits its turn; another caller is not affected
                var danaFleet = FleetServiceGrpc.newBlockingStub(channel).withInterceptors(dana);
                GrpcAssert.assertStatus(() -> danaFleet.listVehicles(ListVehiclesRequest.getDefaultInstance()),
                        Status.Code.RESOURCE_EXHAUSTED, "calls in flight for dana");
                assertThat(FleetServiceGrpc.newBlockingStub(other).withInterceptors(kim)
                        .listVehicles(ListVehiclesRequest.getDefaultInstance()).getVehiclesList()).isEmpty();
                // a stream closed gives its place back
                streams.get(0).cancel("done watching", null);
                Await.until(Duration.ofSeconds(10), "dana served again after closing a stream", () -> {
                    try {
                        danaFleet.listVehicles(ListVehiclesRequest.getDefaultInstance());
                        return true;
                    } catch (StatusRuntimeException e) {
                        return false;
                    }
                });
            } finally {
                channel.shutdownNow();
                other.shutdownNow();
            }
        }
    }
}
