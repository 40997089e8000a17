package org.skyfleet.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyfleet.proto.v1.FleetServiceGrpc;
import org.skyfleet.proto.v1.ListVehiclesRequest;
import org.skyfleet.server.GrpcAssert;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.server.grpc.CallerInterceptor;

/**
 * The gRPC port with mutual TLS: a client with a certificate from the trusted CA is served; one without
 * a certificate, with a self-signed one, or speaking plaintext never reaches a service.
 */
class MutualTlsEndToEndTest {
    @TempDir
    Path dir;

    private static int listAsCommander(ManagedChannel channel) {
        return FleetServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("cmdr", "commander")))
                .listVehicles(ListVehiclesRequest.getDefaultInstance()).getVehiclesCount();
    }

    @Test
    void onlyClientsWithACertificateFromTheTrustedCaAreServed() throws Exception {
        TestCertificates pki = TestCertificates.issue(dir);
        try (SkyfleetServer server = SkyfleetServer.start(ServerConfig.ephemeral().withTls(pki.server()), InstantSource.system())) {
            ManagedChannel trusted = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort())
                    .sslContext(pki.client().clientContext()).build();
            assertThat(listAsCommander(trusted)).isZero();
            trusted.shutdownNow();

            // Trusts the server, shows no certificate of its own.
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
            try (var in = java.nio.file.Files.newInputStream(pki.trustStore)) {
                ks.load(in, TestCertificates.PASSWORD.toCharArray());
            }
            trust.init(ks);
            ManagedChannel anonymous = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort())
                    .sslContext(GrpcSslContexts.forClient().trustManager(trust).build()).build();
            GrpcAssert.assertStatus(() -> listAsCommander(anonymous), Status.Code.UNAVAILABLE, "");
            anonymous.shutdownNow();

            ManagedChannel stranger = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort())
                    .sslContext(pki.stranger().clientContext()).build();
            GrpcAssert.assertStatus(() -> listAsCommander(stranger), Status.Code.UNAVAILABLE, "");
            stranger.shutdownNow();

            ManagedChannel plaintext = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
            GrpcAssert.assertStatus(() -> listAsCommander(plaintext), Status.Code.UNAVAILABLE, "");
            plaintext.shutdownNow();

            assertThat(server.audit().entries()).noneMatch(e -> e.detail().contains("ListVehicles"));
        }
    }
}
