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
 * file: a flood of unauthenticated calls costs neither a journal entry nor a thread each and gets its address
 * banned at the connection, a pilot on another address is served through it, and one caller cannot hold more
 * than its share of calls in flight.
 */
class AnonymousFloodTest {
    private static final TokenAuthority TOKENS = new TokenAuthority(
            HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"), InstantSource.system());
    private static final int FLOOD_CALLS = 5_000;
    private static final int FLOOD_CONCURRENCY = 200;
    /** The attacker's address: another loopback address, as another host's would be. */
    private static final String ATTACKER = "127.0.0.2";

    @TempDir
    Path data;

    @Test
    void aFloodOfAnonymousCallsGetsItsSourceBannedAndCostsNoJournalEntryOrThreadEach() throws Exception {
        String storeUrl = JdbcStore.embeddedUrl(data);
        int threadsBefore;
        int threadsPeak;
        AtomicInteger unauthenticated = new AtomicInteger();
        AtomicInteger turnedAway = new AtomicInteger();
        try (SkyfleetServer server = SkyfleetServer.start(ServerConfig.ephemeral().withTokens(TOKENS, true),
                org.skyfleet.server.automation.AutomationConfig.defaults(), JdbcStore.open(storeUrl), InstantSource.system())) {
            long entriesBefore = server.audit().entries().size();
            List<ManagedChannel> channels = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                channels.add(from(ATTACKER, server.grpcPort()));
            }
            ManagedChannel pilotChannel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
            var pilot = FleetServiceGrpc.newBlockingStub(pilotChannel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(
                    CallerInterceptor.bearer(TOKENS.issue("pat", Role.PILOT, Duration.ofHours(1)))));
            pilot.listVehicles(ListVehiclesRequest.getDefaultInstance()); // connected and warm before the baseline
            threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();

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
                        switch (e.getStatus().getCode()) {
                            case UNAUTHENTICATED -> unauthenticated.incrementAndGet();
                            case UNAVAILABLE -> turnedAway.incrementAndGet(); // its connection was closed by the ban
                            default -> otherOutcomes.incrementAndGet();
                        }
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

            assertThat(otherOutcomes).hasValue(0);
            SourceBans.Policy policy = SourceBans.Policy.defaults();
            assertThat(unauthenticated.get()).as("refused until the allowance ran out").isGreaterThan(policy.burst());
            assertThat(turnedAway.get()).as("then turned away at the connection").isPositive();
            assertThat(unauthenticated.get() + turnedAway.get()).isEqualTo(FLOOD_CALLS);

            // banned: a new connection from the attacker's address is closed on arrival, on the gRPC and the HTTP port
            ManagedChannel again = from(ATTACKER, server.grpcPort());
            try {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> FleetServiceGrpc.newBlockingStub(again)
                                .withDeadlineAfter(5, java.util.concurrent.TimeUnit.SECONDS).listVehicles(ListVehiclesRequest.getDefaultInstance()))
                        .isInstanceOfSatisfying(StatusRuntimeException.class,
                                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
            } finally {
                again.shutdownNow();
            }
            try (java.net.Socket http = new java.net.Socket()) {
                http.bind(new java.net.InetSocketAddress(ATTACKER, 0));
                http.connect(new java.net.InetSocketAddress("127.0.0.1", server.httpPort()), 5_000);
                http.setSoTimeout(5_000);
                http.getOutputStream().write("GET /console/ HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                int first;
                try {
                    first = http.getInputStream().read();
                } catch (java.net.SocketException reset) {
                    first = -1;
                }
                assertThat(first).as("no byte of an answer for a banned address").isEqualTo(-1);
            }
            // the pilot, on its own address and its own connection, was never touched
            assertThat(pilot.listVehicles(ListVehiclesRequest.getDefaultInstance()).getVehiclesList()).isEmpty();
            pilotChannel.shutdownNow();

            // the attack's own 200 client threads are ours; the server may add its bounded pool and no more
            assertThat(threadsPeak - threadsBefore - FLOOD_CONCURRENCY).as("server threads added by the flood")
                    .isLessThan(80);
            assertThat(server.audit().entries().size() - entriesBefore).as("journal entries written during the flood")
                    .isLessThanOrEqualTo(1);
        }
        // closing wrote what was still counted: a row per source, code, reason and minute, with its count
        try (JdbcStore reopened = JdbcStore.open(storeUrl)) {
            List<AuditEntry> refusals = reopened.audit().loadAll().stream().filter(e -> e.action().equals("refused calls")).toList();
            List<AuditEntry> refusedCalls = refusals.stream().filter(e -> e.result().equals("UNAUTHENTICATED")).toList();
            assertThat(refusedCalls).hasSizeBetween(1, 2).allSatisfy(e -> {
                assertThat(e.actor()).isEqualTo("anonymous");
                assertThat(e.detail()).contains("from " + ATTACKER).contains("skyfleet.v1.FleetService/ListVehicles")
                        .contains("bearer token is required");
            });
            // the server counted every refusal it sent, some of which died with their connection on the way back
            assertThat(refusedCalls.stream().mapToLong(e -> Long.parseLong(e.detail().split(" ")[0])).sum())
                    .isBetween((long) unauthenticated.get(), (long) FLOOD_CALLS);
            assertThat(refusals).filteredOn(e -> e.result().equals("BANNED"))
                    .anySatisfy(e -> assertThat(e.detail()).contains("from " + ATTACKER).contains("source banned"))
                    .anySatisfy(e -> assertThat(e.detail()).contains("closed on arrival"));
        }
    }

    /** A channel whose connections come from {@code address}, as another host's would. */
    private static ManagedChannel from(String address, int port) {
        return NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext()
                .localSocketPicker(new NettyChannelBuilder.LocalSocketPicker() {
                    @Override
                    public java.net.SocketAddress createSocketAddress(java.net.SocketAddress remote, io.grpc.Attributes attrs) {
                        return new java.net.InetSocketAddress(address, 0);
                    }
                }).build();
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
