package org.skyfleet.server.aircraft;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.proto.v1.AcquireControlRequest;
import org.skyfleet.proto.v1.AircraftServiceGrpc;
import org.skyfleet.proto.v1.BatteryPack;
import org.skyfleet.proto.v1.ClearBatteryPackRequest;
import org.skyfleet.proto.v1.CommandResult;
import org.skyfleet.proto.v1.FleetServiceGrpc;
import org.skyfleet.proto.v1.InstallBatteryPackRequest;
import org.skyfleet.proto.v1.ListBatteryPacksRequest;
import org.skyfleet.proto.v1.ListVehicleAirframesRequest;
import org.skyfleet.proto.v1.RegisterBatteryPackRequest;
import org.skyfleet.proto.v1.SendCommandRequest;
import org.skyfleet.server.Await;
import org.skyfleet.server.GrpcAssert;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.SimulationConfig;

/**
 * A worn pack grounds the aircraft it is in, over the real wire: the unit's records say pack SIM-PACK-001 has
 * 350 cycles (limit 300); the simulated drone reports that serial in SMART_BATTERY_INFO when it connects, so
 * the pack is in it, and ARM and TAKEOFF are refused with the reason, through the command path, until an admin
 * clears the pack. A pack its drone is reporting cannot be fitted in another aircraft too.
 */
class WornBatteryGroundsItsAircraftTest {
    private static SkyfleetServer server;
    private static Simulation sim;
    private static ManagedChannel channel;

    @BeforeAll
    static void start() {
        try {
            server = SkyfleetServer.start(ServerConfig.ephemeral(), InstantSource.system());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
    }

    @AfterAll
    static void stop() {
        if (sim != null) {
            sim.close();
        }
        channel.shutdownNow();
        server.close();
    }

    private static <S extends io.grpc.stub.AbstractStub<S>> S as(S stub, String subject, String role) {
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers(subject, role)));
    }

    private static BatteryPack.Builder worn() {
        return BatteryPack.newBuilder().setPackId("SIM-PACK-001").setModel("4S 5000 mAh LiPo").setRatedCapacityMah(5000)
                .setCycleCount(350).setCycleLimit(300).setFadeLimitPercent(20);
    }

    @Test
    void aWornPackGroundsItsDroneUntilAnAdminClearsItAndAReportedPackCannotBeFittedTwice() {
        var pilot = as(AircraftServiceGrpc.newBlockingStub(channel), "pat", "pilot");
        GrpcAssert.assertStatus(() -> pilot.registerBatteryPack(RegisterBatteryPackRequest.newBuilder()
                .setPack(worn().setRatedCapacityMah(0).setCycleLimit(0)).build()), Status.Code.INVALID_ARGUMENT,
                "rated capacity 0.0 mAh must be above 0");
        assertThat(pilot.listBatteryPacks(ListBatteryPacksRequest.getDefaultInstance()).getPacksList()).isEmpty();
        pilot.registerBatteryPack(RegisterBatteryPackRequest.newBuilder().setPack(worn()).build());
        GrpcAssert.assertStatus(() -> pilot.registerBatteryPack(RegisterBatteryPackRequest.newBuilder().setPack(worn()).build()),
                Status.Code.ALREADY_EXISTS, "already exists");

        sim = Simulation.start(SimulationConfig.around(new InetSocketAddress("127.0.0.1", server.mavlinkAddress().getPort()),
                51.5, -0.12, 1, 0, 5));
        Await.until(Duration.ofSeconds(20), "the drone reporting its pack", () -> !server.registry().all().isEmpty()
                && server.aircraft().batteries().packIn(server.registry().all().get(0).vehicleId()).isPresent());
        String drone = server.registry().all().get(0).vehicleId();
        assertThat(server.aircraft().batteries().packIn(drone).orElseThrow().packId()).isEqualTo("SIM-PACK-001");
        var listed = pilot.listVehicleAirframes(ListVehicleAirframesRequest.getDefaultInstance()).getVehicles(0);
        assertThat(listed.getBatteryPackId()).isEqualTo("SIM-PACK-001");
        assertThat(listed.getGroundedReason()).contains("350 cycles, past its limit of 300");

        var fleet = as(FleetServiceGrpc.newBlockingStub(channel), "pat", "pilot");
        fleet.acquireControl(AcquireControlRequest.newBuilder().setVehicleId(drone).setTtlS(120).build());
        GrpcAssert.assertStatus(() -> fleet.sendCommand(SendCommandRequest.newBuilder().setCommandId("arm-1").setVehicleId(drone)
                .setArm(SendCommandRequest.Arm.getDefaultInstance()).build()), Status.Code.FAILED_PRECONDITION,
                "battery pack SIM-PACK-001: 350 cycles, past its limit of 300");
        GrpcAssert.assertStatus(() -> fleet.sendCommand(SendCommandRequest.newBuilder().setCommandId("takeoff-1").setVehicleId(drone)
                .setTakeoff(SendCommandRequest.Takeoff.newBuilder().setAltRelM(20)).build()), Status.Code.FAILED_PRECONDITION,
                "past its limit");

        // only an admin lets it fly
        GrpcAssert.assertStatus(() -> pilot.clearBatteryPack(ClearBatteryPackRequest.newBuilder().setPackId("SIM-PACK-001").build()),
                Status.Code.PERMISSION_DENIED, "");
        BatteryPack cleared = as(AircraftServiceGrpc.newBlockingStub(channel), "ada", "admin")
                .clearBatteryPack(ClearBatteryPackRequest.newBuilder().setPackId("SIM-PACK-001").build()).getPack();
        assertThat(cleared.getGroundedReason()).isEmpty();
        assertThat(cleared.getClearedBy()).isEqualTo("ada (admin)");
        // cleared: the command goes to the drone, which answers it (it is circling, already armed)
        assertThat(fleet.sendCommand(SendCommandRequest.newBuilder().setCommandId("arm-2").setVehicleId(drone)
                .setArm(SendCommandRequest.Arm.getDefaultInstance()).build()).getResult()).isNotEqualTo(CommandResult.COMMAND_RESULT_UNSPECIFIED);

        // the drone reported its pack moments ago: the same pack cannot also be in another aircraft
        GrpcAssert.assertStatus(() -> pilot.installBatteryPack(InstallBatteryPackRequest.newBuilder().setPackId("SIM-PACK-001")
                .setVehicleId("drone-spare").build()), Status.Code.FAILED_PRECONDITION,
                "battery pack SIM-PACK-001 is in " + drone + ", which reported it");
        GrpcAssert.assertStatus(() -> pilot.installBatteryPack(InstallBatteryPackRequest.newBuilder().setPackId("NOPE")
                .setVehicleId(drone).build()), Status.Code.NOT_FOUND, "battery pack 'NOPE' does not exist");

        assertThat(server.audit().entries()).extracting(e -> e.action() + " " + e.result())
                .contains("battery register REGISTERED", "battery install INSTALLED", "battery clear CLEARED")
                .anyMatch(s -> s.startsWith("command ARM FAILED_PRECONDITION"));
    }
}
