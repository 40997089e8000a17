package org.skyfleet.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.control.Operator.Role;
import org.skyfleet.proto.v1.CreateIncidentRequest;
import org.skyfleet.proto.v1.FleetServiceGrpc;
import org.skyfleet.proto.v1.GeoPoint;
import org.skyfleet.proto.v1.IncidentPriority;
import org.skyfleet.proto.v1.IncidentServiceGrpc;
import org.skyfleet.proto.v1.IncidentType;
import org.skyfleet.proto.v1.ListVehiclesRequest;
import org.skyfleet.server.GrpcAssert;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.server.grpc.CallerInterceptor;

/**
 * A server that requires tokens: no token, a forged one, an expired one and self-named metadata are all
 * UNAUTHENTICATED; a valid token's role decides what the caller may do; refusals are audited with the
 * caller and the method; health checks answer anyone.
 */
class TokenAuthEndToEndTest {
    private static final byte[] KEY = HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    private static SkyfleetServer server;
    private static ManagedChannel channel;
    private static final TokenAuthority TOKENS = new TokenAuthority(KEY, InstantSource.system());

    @BeforeAll
    static void start() throws Exception {
        server = SkyfleetServer.start(ServerConfig.ephemeral().withTokens(TOKENS, true), InstantSource.system());
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
    }

    @AfterAll
    static void stop() {
        channel.shutdownNow();
        server.close();
    }

    private static <S extends io.grpc.stub.AbstractStub<S>> S bearer(S stub, String token) {
        Metadata m = new Metadata();
        m.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(m));
    }

    private static CreateIncidentRequest call() {
        return CreateIncidentRequest.newBuilder().setType(IncidentType.INCIDENT_TYPE_OTHER).setPriority(IncidentPriority.INCIDENT_PRIORITY_P3)
                .setLocation(GeoPoint.newBuilder().setLatDeg(53.39).setLonDeg(-1.86)).build();
    }

    @Test
    void onlyAValidTokenGetsInAndItsRoleDecides() {
        var anonymous = FleetServiceGrpc.newBlockingStub(channel);
        GrpcAssert.assertStatus(() -> anonymous.listVehicles(ListVehiclesRequest.getDefaultInstance()),
                Status.Code.UNAUTHENTICATED, "bearer token is required");
        GrpcAssert.assertStatus(() -> anonymous.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(
                CallerInterceptor.headers("mallory", "admin"))).listVehicles(ListVehiclesRequest.getDefaultInstance()),
                Status.Code.UNAUTHENTICATED, "bearer token");
        String forged = TOKENS.issue("pat", Role.PILOT, Duration.ofHours(1)).replaceFirst("\\.[^.]+$", ".AAAA");
        GrpcAssert.assertStatus(() -> bearer(anonymous, forged).listVehicles(ListVehiclesRequest.getDefaultInstance()),
                Status.Code.UNAUTHENTICATED, "signature");
        TokenAuthority yesterday = new TokenAuthority(KEY, () -> Instant.now().minus(Duration.ofDays(2)));
        String expired = yesterday.issue("pat", Role.PILOT, Duration.ofHours(1));
        GrpcAssert.assertStatus(() -> bearer(anonymous, expired).listVehicles(ListVehiclesRequest.getDefaultInstance()),
                Status.Code.UNAUTHENTICATED, "expired");
        String otherKey = new TokenAuthority(HexFormat.of().parseHex("ff".repeat(32)), InstantSource.system())
                .issue("pat", Role.ADMIN, Duration.ofHours(1));
        GrpcAssert.assertStatus(() -> bearer(anonymous, otherKey).listVehicles(ListVehiclesRequest.getDefaultInstance()),
                Status.Code.UNAUTHENTICATED, "signature");

        String officer = TOKENS.issue("officer-1", Role.OFFICER, Duration.ofHours(1));
        // A valid token gets in; its role decides: an officer does not watch the fleet, a dispatcher does.
        GrpcAssert.assertStatus(() -> bearer(anonymous, officer).listVehicles(ListVehiclesRequest.getDefaultInstance()),
                Status.Code.PERMISSION_DENIED, "officer-1");
        String watcher = TOKENS.issue("dana", Role.DISPATCHER, Duration.ofHours(1));
        assertThat(bearer(anonymous, watcher).listVehicles(ListVehiclesRequest.getDefaultInstance()).getVehiclesList()).isEmpty();
        GrpcAssert.assertStatus(() -> bearer(IncidentServiceGrpc.newBlockingStub(channel), officer).createIncident(call()),
                Status.Code.PERMISSION_DENIED, "officer-1");
        String dispatcher = TOKENS.issue("dana", Role.DISPATCHER, Duration.ofHours(1));
        var created = bearer(IncidentServiceGrpc.newBlockingStub(channel), dispatcher).createIncident(call()).getIncident();
        assertThat(created.getTimeline(0).getActor()).contains("dana");

        assertThat(HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance()).getStatus().name())
                .isEqualTo("SERVING");
        server.refusals().flush(true); // refusals are journaled by the minute: write this one now
        assertThat(server.audit().entries()).anySatisfy(e -> {
            assertThat(e.result()).isEqualTo("UNAUTHENTICATED");
            assertThat(e.detail()).contains("skyfleet.v1.FleetService/ListVehicles");
        }).anySatisfy(e -> {
            assertThat(e.result()).isEqualTo("PERMISSION_DENIED");
            assertThat(e.actor()).contains("officer-1");
            assertThat(e.detail()).contains("skyfleet.v1.IncidentService/CreateIncident");
        });
    }

    @Test
    void tokensAreRefusedWhenMalformedOrForAnUnknownRole() {
        assertThat(TOKENS.verify("garbage")).isInstanceOf(TokenAuthority.Refused.class);
        assertThat(TOKENS.verify("sf1.x.y.z")).isInstanceOf(TokenAuthority.Refused.class);
        String valid = TOKENS.issue("pat", Role.PILOT, Duration.ofMinutes(5));
        assertThat(TOKENS.verify(valid)).isInstanceOfSatisfying(TokenAuthority.Valid.class,
                v -> assertThat(v.operator().subject()).isEqualTo("pat"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TokenAuthority(new byte[16], InstantSource.system()))
                .hasMessageContaining("32 bytes");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TOKENS.issue("a|b", Role.PILOT, Duration.ofHours(1)))
                .hasMessageContaining("subject");
    }
}
