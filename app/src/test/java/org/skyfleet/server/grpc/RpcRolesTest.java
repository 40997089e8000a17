package org.skyfleet.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.control.Operator.Role;
import org.skyfleet.proto.v1.AuditServiceGrpc;
import org.skyfleet.proto.v1.CreateZoneRequest;
import org.skyfleet.proto.v1.FleetServiceGrpc;
import org.skyfleet.proto.v1.GeofenceServiceGrpc;
import org.skyfleet.proto.v1.ListAuditEntriesRequest;
import org.skyfleet.proto.v1.ListVehiclesRequest;
import org.skyfleet.proto.v1.ListZonesRequest;
import org.skyfleet.proto.v1.StreamVehicleStatesRequest;
import org.skyfleet.proto.v1.TelemetryServiceGrpc;
import org.skyfleet.server.GrpcAssert;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;

/** Every RPC the server binds has its roles in the table, and the table is what the wire enforces. */
class RpcRolesTest {
    private static SkyfleetServer server;
    private static ManagedChannel channel;

    @BeforeAll
    static void start() throws Exception {
        server = SkyfleetServer.start(ServerConfig.ephemeral(), InstantSource.system());
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
    }

    @AfterAll
    static void stop() {
        channel.shutdownNow();
        server.close();
    }

    private static <S extends io.grpc.stub.AbstractStub<S>> S as(S stub, String subject, String role) {
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers(subject, role)));
    }

    @Test
    void everyBoundMethodOfOurServicesHasItsRolesAndAdminsMayCallIt() {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (ServerServiceDefinition service : server.grpcServices()) {
            if (!service.getServiceDescriptor().getName().startsWith("skyfleet.")) {
                continue;
            }
            for (ServerMethodDefinition<?, ?> m : service.getMethods()) {
                String name = m.getMethodDescriptor().getFullMethodName();
                checked++;
                RpcRoles.of(name).ifPresentOrElse(r -> assertThat(r).as(name).contains(Role.ADMIN), () -> missing.add(name));
            }
        }
        assertThat(missing).as("RPCs without roles").isEmpty();
        assertThat(checked).isGreaterThan(40);
    }

    @Test
    void anOfficerAndAnEdgeComputerDoNotWatchTheFleetAndTheRefusalIsAudited() {
        GrpcAssert.assertStatus(() -> as(FleetServiceGrpc.newBlockingStub(channel), "pc-101", "officer")
                .listVehicles(ListVehiclesRequest.getDefaultInstance()), Status.Code.PERMISSION_DENIED, "ListVehicles");
        GrpcAssert.assertStatus(() -> as(TelemetryServiceGrpc.newBlockingStub(channel), "edge-3", "vehicle-edge")
                .streamVehicleStates(StreamVehicleStatesRequest.getDefaultInstance()).hasNext(),
                Status.Code.PERMISSION_DENIED, "StreamVehicleStates");
        server.refusals().flush(true); // refusals are journaled by the minute (RefusalTally): now, for the test
        assertThat(server.audit().entries()).anySatisfy(e -> {
            assertThat(e.actor()).contains("pc-101");
            assertThat(e.detail()).contains("skyfleet.v1.FleetService/ListVehicles");
            assertThat(e.result()).isEqualTo("PERMISSION_DENIED");
        });
        assertThat(as(FleetServiceGrpc.newBlockingStub(channel), "disp", "dispatcher")
                .listVehicles(ListVehiclesRequest.getDefaultInstance()).getVehiclesList()).isEmpty();
    }

    @Test
    void zonesAreForAdminsAndCommandersAndTheAuditForCommanders() {
        GrpcAssert.assertStatus(() -> as(GeofenceServiceGrpc.newBlockingStub(channel), "pat", "pilot")
                .createZone(CreateZoneRequest.getDefaultInstance()), Status.Code.PERMISSION_DENIED, "admin, commander");
        // Past the role check, the empty zone is refused for what it is.
        GrpcAssert.assertStatus(() -> as(GeofenceServiceGrpc.newBlockingStub(channel), "cmdr", "commander")
                .createZone(CreateZoneRequest.getDefaultInstance()), Status.Code.INVALID_ARGUMENT, "");
        assertThat(as(GeofenceServiceGrpc.newBlockingStub(channel), "pat", "pilot").listZones(ListZonesRequest.getDefaultInstance()))
                .isNotNull();
        GrpcAssert.assertStatus(() -> as(AuditServiceGrpc.newBlockingStub(channel), "pat", "pilot")
                .listAuditEntries(ListAuditEntriesRequest.getDefaultInstance()), Status.Code.PERMISSION_DENIED, "ListAuditEntries");
        assertThat(as(AuditServiceGrpc.newBlockingStub(channel), "cmdr", "commander")
                .listAuditEntries(ListAuditEntriesRequest.getDefaultInstance()).getChainIntact()).isTrue();
    }
}
