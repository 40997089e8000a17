package org.skyfleet.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyfleet.cluster.relay.CallerTokens;
import org.skyfleet.fleet.cluster.InMemoryLinkOwnership;
import org.skyfleet.fleet.cluster.RelayOutcome;
import org.skyfleet.fleet.command.CommandOutcome;
import org.skyfleet.fleet.command.CommandResult;
import org.skyfleet.fleet.command.ScriptedVehicleCommands;
import org.skyfleet.fleet.command.VehicleCommand;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.testing.ManualClock;
import org.skyfleet.server.auth.TokenAuthority;
import org.skyfleet.server.grpc.CallerInterceptor;

/**
 * The token a relayed command carries names the gRPC caller the command was given by, although the owner is
 * looked up on another thread; a command the node gives on its own carries the node's automation identity.
 */
class RelayedCommandsCarryTheGrpcCallerTest {
    private final ManualClock clock = new ManualClock(Instant.now());
    private final TokenAuthority tokens = new TokenAuthority("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII), clock);
    private final CallerTokens callers = new CallerTokens(tokens, new Operator("node-A", Operator.Role.AUTOMATION));
    private final InMemoryLinkOwnership.Table table = new InMemoryLinkOwnership.Table();
    private final InMemoryLinkOwnership here = new InMemoryLinkOwnership(table, "A", clock, Duration.ofSeconds(10));
    private final ExecutorService ioThread = Executors.newSingleThreadExecutor();
    /** The owner look-up answers on another thread after the caller has moved on, as a broker round trip does. */
    private final java.util.concurrent.Executor io = task -> CompletableFuture.runAsync(task,
            CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS, ioThread));
    private final List<String> carried = new CopyOnWriteArrayList<>();
    private final ClusterVehicleCommands commands = new ClusterVehicleCommands(new ScriptedVehicleCommands(),
            new OwnershipGate(here, Runnable::run, clock, Duration.ofSeconds(1), new SimpleMeterRegistry()), here,
            (owner, id, vehicle, c) -> {
                carried.add(((TokenAuthority.Valid) tokens.verify(callers.current())).operator().toString());
                return CompletableFuture.completedFuture(RelayOutcome.ok(CommandOutcome.of(CommandResult.ACCEPTED, 1)));
            }, io, Runnable::run, new SimpleMeterRegistry());
    private Server server;
    private ManagedChannel channel;

    @AfterEach
    void stop() {
        ioThread.shutdownNow();
        if (channel != null) {
            channel.shutdownNow();
            server.shutdownNow();
        }
    }

    @Test
    void aCommandGivenInACallCarriesItsCallerAndOneGivenByTheNodeCarriesTheNode() throws Exception {
        new InMemoryLinkOwnership(table, "B", clock, Duration.ofSeconds(10)).claim("theirs");
        HealthGrpc.HealthImplBase commandsInACall = new HealthGrpc.HealthImplBase() {
            @Override
            public void check(HealthCheckRequest request, StreamObserver<HealthCheckResponse> observer) {
                commands.send("c1", "theirs", VehicleCommand.hold(), o -> { }).whenComplete((o, e) -> {
                    observer.onNext(HealthCheckResponse.getDefaultInstance());
                    observer.onCompleted();
                });
            }
        };
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).addService(ServerInterceptors.intercept(commandsInACall,
                new CallerInterceptor())).build().start();
        channel = InProcessChannelBuilder.forName(name).build();

        HealthGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(
                CallerInterceptor.headers("pat", "pilot"))).withDeadlineAfter(5, TimeUnit.SECONDS).check(HealthCheckRequest.getDefaultInstance());
        commands.send("theirs", VehicleCommand.hold()).toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(carried).containsExactly("pat (pilot)", "node-A (automation)");
    }
}
