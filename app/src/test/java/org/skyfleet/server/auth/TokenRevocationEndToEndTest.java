package org.skyfleet.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.fleet.control.Operator.Role;
import org.skyfleet.fleet.store.InMemoryStore;
import org.skyfleet.proto.v1.AuthServiceGrpc;
import org.skyfleet.proto.v1.ListRevokedTokensRequest;
import org.skyfleet.proto.v1.ListVehiclesRequest;
import org.skyfleet.proto.v1.FleetServiceGrpc;
import org.skyfleet.proto.v1.RevokeTokenRequest;
import org.skyfleet.proto.v1.RevokeTokenResponse;
import org.skyfleet.server.GrpcAssert;
import org.skyfleet.server.automation.AutomationConfig;
import org.skyfleet.server.grpc.CallerInterceptor;

/**
 * Over the real gRPC port: an admin revokes a token by id and its next call is UNAUTHENTICATED naming the
 * revocation, also after a restart on the same store; only admins revoke; a token living longer than the
 * maximum lifetime is refused, and so is issuing one; a token from before ids still works and can be revoked.
 */
class TokenRevocationEndToEndTest {
    private static final byte[] KEY = HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    private final TokenAuthority tokens = new TokenAuthority(KEY, InstantSource.system()).withMaxTtl(Duration.ofHours(12));
    private final InMemoryStore store = new InMemoryStore();
    private SkyfleetServer server;
    private ManagedChannel channel;

    @BeforeEach
    void start() throws Exception {
        open();
    }

    private void open() throws Exception {
        server = SkyfleetServer.start(ServerConfig.ephemeral().withTokens(tokens, true), AutomationConfig.defaults(), store,
                InstantSource.system());
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
    }

    @AfterEach
    void stop() {
        channel.shutdownNow();
        server.close();
    }

    private <S extends AbstractStub<S>> S as(S stub, String token) {
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.bearer(token)));
    }

    private void listVehicles(String token) {
        as(FleetServiceGrpc.newBlockingStub(channel), token).listVehicles(ListVehiclesRequest.getDefaultInstance());
    }

    private RevokeTokenResponse revoke(String adminToken, String tokenId, String reason) {
        return as(AuthServiceGrpc.newBlockingStub(channel), adminToken)
                .revokeToken(RevokeTokenRequest.newBuilder().setTokenId(tokenId).setReason(reason).build());
    }

    @Test
    void aRevokedTokenIsUnauthenticatedOnItsNextCallAndAfterARestart() throws Exception {
        String pilot = tokens.issue("pat", Role.PILOT, Duration.ofHours(1));
        String admin = tokens.issue("alice", Role.ADMIN, Duration.ofHours(1));
        String id = TokenAuthority.idOf(pilot).orElseThrow();
        listVehicles(pilot);

        RevokeTokenResponse r = revoke(admin, id, "laptop stolen");

        assertThat(r.getAlreadyRevoked()).isFalse();
        assertThat(r.getRevocation().getRevokedBy()).isEqualTo("alice (admin)");
        GrpcAssert.assertStatus(() -> listVehicles(pilot), Status.Code.UNAUTHENTICATED, "token " + id + " was revoked");
        GrpcAssert.assertStatus(() -> listVehicles(pilot), Status.Code.UNAUTHENTICATED, "laptop stolen");
        assertThat(revoke(admin, id, "again").getAlreadyRevoked()).isTrue();
        assertThat(server.audit().entries()).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("revoke token");
            assertThat(e.detail()).contains(id).contains("laptop stolen");
        });
        listVehicles(tokens.issue("pat", Role.PILOT, Duration.ofHours(1))); // a new token for the same pilot works

        stop();
        open();
        GrpcAssert.assertStatus(() -> listVehicles(pilot), Status.Code.UNAUTHENTICATED, "laptop stolen");
        assertThat(as(AuthServiceGrpc.newBlockingStub(channel), admin).listRevokedTokens(ListRevokedTokensRequest.getDefaultInstance())
                .getRevocationsList()).extracting(t -> t.getTokenId()).containsExactly(id);
    }

    @Test
    void onlyAnAdminRevokes() {
        String commander = tokens.issue("kim", Role.COMMANDER, Duration.ofHours(1));
        GrpcAssert.assertStatus(() -> revoke(commander, TokenAuthority.idOf(commander).orElseThrow(), "testing"),
                Status.Code.PERMISSION_DENIED, "allowed: admin");
        GrpcAssert.assertStatus(() -> revoke(tokens.issue("alice", Role.ADMIN, Duration.ofHours(1)), "", "no id"),
                Status.Code.INVALID_ARGUMENT, "token_id");
    }

    @Test
    void aTokenLivingLongerThanTheMaximumIsRefused() {
        TokenAuthority lenient = new TokenAuthority(KEY, InstantSource.system()).withMaxTtl(Duration.ofDays(30));
        String weekLong = lenient.issue("pat", Role.PILOT, Duration.ofDays(7));

        GrpcAssert.assertStatus(() -> listVehicles(weekLong), Status.Code.UNAUTHENTICATED, "exceeds the maximum of 720 min");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tokens.issue("pat", Role.PILOT, Duration.ofHours(13)))
                .hasMessageContaining("maximum token lifetime");
    }

    @Test
    void aTokenFromBeforeIdsStillWorksAndCanBeRevoked() {
        String legacy = legacyToken("pat|pilot|" + (System.currentTimeMillis() / 1000 + 3600));
        listVehicles(legacy);

        String id = TokenAuthority.idOf(legacy).orElseThrow();
        revoke(tokens.issue("alice", Role.ADMIN, Duration.ofHours(1)), id, "old format withdrawn");

        GrpcAssert.assertStatus(() -> listVehicles(legacy), Status.Code.UNAUTHENTICATED, "old format withdrawn");
        GrpcAssert.assertStatus(() -> listVehicles(legacyToken("pat|pilot|" + (System.currentTimeMillis() / 1000 + 86_400))),
                Status.Code.UNAUTHENTICATED, "exceeds the maximum");
    }

    /** A token as issued before ids: subject|role|expiry, signed the same way. */
    private static String legacyToken(String fields) {
        try {
            String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(fields.getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            return "sf1." + payload + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
