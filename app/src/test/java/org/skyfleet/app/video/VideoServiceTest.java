package org.skyfleet.app.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.fleet.control.Operator.Role;
import org.skyfleet.proto.v1.AcceptPushRequest;
import org.skyfleet.proto.v1.GetStreamRequest;
import org.skyfleet.proto.v1.ListStreamsRequest;
import org.skyfleet.proto.v1.RegisterStreamRequest;
import org.skyfleet.proto.v1.RemoveStreamRequest;
import org.skyfleet.proto.v1.VideoServiceGrpc;
import org.skyfleet.proto.v1.VideoStream;
import org.skyfleet.server.auth.TokenAuthority;

/**
 * VideoService over the real gRPC port with tokens: pilots and commanders change streams (journaled with the
 * caller), watchers read them, an officer reads nothing and a dispatcher changes nothing; a URL of a scheme the
 * server may not open is refused, an unknown vehicle's stream is NOT_FOUND.
 */
class VideoServiceTest {
    @Test
    void rolesAuditAndRefusals() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        TokenAuthority tokens = new TokenAuthority(key, InstantSource.system());
        try (SkyfleetServer server = SkyfleetServer.start(ServerConfig.ephemeral().withTokens(tokens, true).withAllowUnsigned(true),
                InstantSource.system())) {
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
            try {
                var pilot = stub(channel, tokens, "pam", Role.PILOT);
                var dispatcher = stub(channel, tokens, "dee", Role.DISPATCHER);
                var officer = stub(channel, tokens, "pc-7", Role.OFFICER);

                var pushed = pilot.acceptPush(AcceptPushRequest.newBuilder().setVehicleId("dock-1").build());
                assertThat(pushed.getPushUrl()).startsWith("rtmp://").endsWith("/live/dock-1");
                assertThat(pushed.getStream().getState()).isEqualTo(VideoStream.State.CONNECTING);
                assertThat(pushed.getStream().getDiscoveredBy()).isEqualTo("push");
                pilot.registerStream(RegisterStreamRequest.newBuilder().setVehicleId("cam-2").setUrl("rtsp://127.0.0.1:1/live").build());
                assertThat(dispatcher.listStreams(ListStreamsRequest.getDefaultInstance()).getStreamsList())
                        .extracting(VideoStream::getVehicleId).containsExactly("cam-2", "dock-1");

                assertCode(() -> officer.listStreams(ListStreamsRequest.getDefaultInstance()), Status.Code.PERMISSION_DENIED);
                assertCode(() -> dispatcher.registerStream(RegisterStreamRequest.newBuilder().setVehicleId("cam-3")
                        .setUrl("rtsp://127.0.0.1:1/live").build()), Status.Code.PERMISSION_DENIED);
                assertCode(() -> pilot.registerStream(RegisterStreamRequest.newBuilder().setVehicleId("cam-3")
                        .setUrl("file:///etc/passwd").build()), Status.Code.INVALID_ARGUMENT);
                assertCode(() -> pilot.getStream(GetStreamRequest.newBuilder().setVehicleId("nobody").build()), Status.Code.NOT_FOUND);

                pilot.removeStream(RemoveStreamRequest.newBuilder().setVehicleId("cam-2").build());
                assertThat(server.audit().entries()).filteredOn(e -> e.action().startsWith("video"))
                        .extracting(e -> e.action() + " " + e.vehicleId() + " by " + e.actor())
                        .containsExactly("video push endpoint opened dock-1 by " + new org.skyfleet.fleet.control.Operator("pam", Role.PILOT),
                                "video stream registered cam-2 by " + new org.skyfleet.fleet.control.Operator("pam", Role.PILOT),
                                "video stream removed cam-2 by " + new org.skyfleet.fleet.control.Operator("pam", Role.PILOT));
            } finally {
                channel.shutdownNow();
            }
        }
    }

    private static VideoServiceGrpc.VideoServiceBlockingStub stub(ManagedChannel channel, TokenAuthority tokens, String who, Role role) {
        Metadata bearer = new Metadata();
        bearer.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + tokens.issue(who, role, Duration.ofHours(1)));
        return VideoServiceGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(bearer));
    }

    private static void assertCode(Runnable call, Status.Code code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(code));
    }
}
