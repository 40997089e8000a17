package org.skyfleet.server.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.proto.v1.AcquireControlRequest;
import org.skyfleet.proto.v1.AuditServiceGrpc;
import org.skyfleet.proto.v1.ListAuditEntriesRequest;
import org.skyfleet.server.audit.AuditGrpcService;
import org.skyfleet.proto.v1.CommandResult;
import org.skyfleet.proto.v1.ControlChange;
import org.skyfleet.proto.v1.FleetServiceGrpc;
import org.skyfleet.proto.v1.GeoPosition;
import org.skyfleet.proto.v1.SendCommandRequest;
import org.skyfleet.proto.v1.StreamControlChangesRequest;
import org.skyfleet.proto.v1.TakeOverControlRequest;
import static org.skyfleet.server.GrpcAssert.assertStatus;

import org.skyfleet.server.Await;
import org.skyfleet.server.StreamRecorder;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.SimulationConfig;

/** Control leases and commands through the real server to a simulated PX4 drone over UDP. */
class ControlEndToEndTest {
    private static SkyfleetServer server;
    private static Simulation sim;
    private static ManagedChannel channel;
    private static String droneId;

    @BeforeAll
    static void start() throws Exception {
        server = SkyfleetServer.start(ServerConfig.ephemeral(), InstantSource.system());
        sim = Simulation.start(SimulationConfig.around(new InetSocketAddress("127.0.0.1", server.mavlinkAddress().getPort()),
                51.5034, -0.1276, 1, 0, 5));
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
        Await.until(Duration.ofSeconds(20), "the drone to connect with a home position",
                () -> server.registry().all().stream().anyMatch(s -> s.home() != null));
        droneId = server.registry().all().get(0).vehicleId();
    }

    @AfterAll
    static void stop() {
        channel.shutdownNow();
        sim.close();
        server.close();
    }

    private static FleetServiceGrpc.FleetServiceBlockingStub as(String subject, String role) {
        return FleetServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers(subject, role)));
    }

    private static SendCommandRequest.Builder command(String id) {
        return SendCommandRequest.newBuilder().setCommandId(id).setVehicleId(droneId);
    }

    @Test
    void leaseGatesCommandsTheVehicleAnswersAndTheSameIdRunsOnce() {
        var alice = as("alice", "pilot");
        var bob = as("bob", "pilot");
        var chief = as("chief", "commander");
        var changes = new StreamRecorder<StreamControlChangesRequest, ControlChange>(false);
        FleetServiceGrpc.newStub(channel).streamControlChanges(
                StreamControlChangesRequest.newBuilder().addVehicleIds(droneId).build(), changes);
        List<ControlChange> aliceSees = changes.received;

        alice.acquireControl(AcquireControlRequest.newBuilder().setVehicleId(droneId).setTtlS(60).build());
        assertStatus(() -> bob.acquireControl(AcquireControlRequest.newBuilder().setVehicleId(droneId).build()),
                Status.Code.FAILED_PRECONDITION, "alice");
        assertStatus(() -> bob.sendCommand(command("b-1").setHold(SendCommandRequest.Hold.getDefaultInstance()).build()),
                Status.Code.FAILED_PRECONDITION, "alice");

        var first = alice.sendCommand(command("a-1").setSetSpeed(SendCommandRequest.SetSpeed.newBuilder().setSpeedMS(6)).build());
        var again = alice.sendCommand(command("a-1").setSetSpeed(SendCommandRequest.SetSpeed.newBuilder().setSpeedMS(6)).build());
        assertThat(first.getResult()).isEqualTo(CommandResult.COMMAND_RESULT_ACCEPTED);
        assertThat(again).isEqualTo(first);
        assertThat(server.audit().entries()).filteredOn(e -> e.action().equals("command SET_SPEED")
                && e.detail().startsWith("id a-1")).hasSize(1);
        assertStatus(() -> alice.sendCommand(command("a-1").setLand(SendCommandRequest.Land.getDefaultInstance()).build()),
                Status.Code.INVALID_ARGUMENT, "already used");

        chief.takeOverControl(TakeOverControlRequest.newBuilder().setVehicleId(droneId).setReason("suspect spotted, I fly").build());
        Await.until(Duration.ofSeconds(10), "alice to be told of the take-over",
                () -> aliceSees.stream().anyMatch(c -> c.getKind() == ControlChange.Kind.KIND_TAKEN_OVER
                        && c.getPreviousHolderSubject().equals("alice") && c.getLease().getReason().contains("suspect")));
        assertStatus(() -> alice.sendCommand(command("a-2").setHold(SendCommandRequest.Hold.getDefaultInstance()).build()),
                Status.Code.FAILED_PRECONDITION, "chief");

        // Every attempt is journaled, refusals included, and the chain verifies on this side of the wire.
        var journal = AuditServiceGrpc.newBlockingStub(channel).withInterceptors(io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(org.skyfleet.server.grpc.CallerInterceptor.headers("cmdr", "commander"))).listAuditEntries(
                ListAuditEntriesRequest.newBuilder().setVehicleId(droneId).build());
        assertThat(journal.getChainIntact()).isTrue();
        assertThat(journal.getEntriesList()).anySatisfy(e -> {
            assertThat(e.getActor()).isEqualTo("bob (pilot)");
            assertThat(e.getResult()).startsWith("FAILED_PRECONDITION");
        }).anySatisfy(e -> {
            assertThat(e.getAction()).isEqualTo("lease take-over");
            assertThat(e.getDetail()).contains("from alice", "suspect spotted");
        });
        var all = AuditServiceGrpc.newBlockingStub(channel).withInterceptors(io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(org.skyfleet.server.grpc.CallerInterceptor.headers("cmdr", "commander"))).listAuditEntries(ListAuditEntriesRequest.getDefaultInstance());
        assertThat(AuditJournal.firstBroken(all.getEntriesList().stream().map(AuditGrpcService::fromProto).toList())).isEmpty();
    }

    @Test
    void commandsOutsideTheAirspaceOrWithoutIdentityOrConfirmationAreRefusedBeforeTheVehicle() {
        var carol = as("carol", "pilot");
        assertStatus(() -> FleetServiceGrpc.newBlockingStub(channel).sendCommand(command("x").setHold(
                SendCommandRequest.Hold.getDefaultInstance()).build()), Status.Code.UNAUTHENTICATED, "x-skyfleet-subject");
        assertStatus(() -> as("o1", "officer").acquireControl(AcquireControlRequest.newBuilder().setVehicleId(droneId).build()),
                Status.Code.PERMISSION_DENIED, "officer");
        assertStatus(() -> carol.acquireControl(AcquireControlRequest.newBuilder().setVehicleId("mav-1-200").build()),
                Status.Code.NOT_FOUND, "mav-1-200");
        // This test's vehicle may be held by the other test's commander: take it for carol via a commander role.
        as("carol", "commander").takeOverControl(TakeOverControlRequest.newBuilder().setVehicleId(droneId).setReason("test").build());
        var carolCmd = as("carol", "commander");

        assertStatus(() -> carolCmd.sendCommand(command("c-1").setTakeoff(SendCommandRequest.Takeoff.newBuilder().setAltRelM(120.5)).build()),
                Status.Code.FAILED_PRECONDITION, "ceiling");
        assertStatus(() -> carolCmd.sendCommand(command("c-2").setGoTo(SendCommandRequest.GoTo.newBuilder().setTarget(
                GeoPosition.newBuilder().setLatDeg(51.5).setLonDeg(-0.12).setAltRelM(500))).build()),
                Status.Code.FAILED_PRECONDITION, "ceiling");
        assertStatus(() -> carolCmd.sendCommand(command("c-3").setEmergencyStop(SendCommandRequest.EmergencyStop.getDefaultInstance()).build()),
                Status.Code.INVALID_ARGUMENT, "confirm");
        assertStatus(() -> carolCmd.sendCommand(command("c-4").build()), Status.Code.INVALID_ARGUMENT, "no command");
        // Just inside the ceiling goes to the vehicle, which answers for itself.
        var atCeiling = carolCmd.sendCommand(command("c-5").setGoTo(SendCommandRequest.GoTo.newBuilder().setTarget(
                GeoPosition.newBuilder().setLatDeg(51.5040).setLonDeg(-0.1270).setAltRelM(120))).build());
        assertThat(atCeiling.getResult()).isNotEqualTo(CommandResult.COMMAND_RESULT_UNSPECIFIED);
        assertThat(atCeiling.getAttempts()).isPositive();
    }
}
