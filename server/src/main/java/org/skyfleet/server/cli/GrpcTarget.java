package org.skyfleet.server.cli;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.nio.file.Path;
import org.skyfleet.server.auth.MutualTls;

/**
 * Opens a channel to a SkyFleet server given as host:port, for the command-line tools. Who calls:
 * {@code SKYFLEET_TOKEN} (a bearer token from {@code skyfleet token create}); without one, on a server
 * that trusts named callers (a lab, the demo without tokens), the tool names itself after the user with
 * the role in {@code SKYFLEET_ROLE} (default commander: the tools watch and review). Mutual TLS when
 * {@code SKYFLEET_TLS_KEYSTORE} and {@code SKYFLEET_TLS_TRUSTSTORE} name PKCS#12 files
 * ({@code SKYFLEET_TLS_PASSWORD} opens them).
 */
final class GrpcTarget {
    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> SUBJECT = Metadata.Key.of("x-skyfleet-subject", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> ROLE = Metadata.Key.of("x-skyfleet-role", Metadata.ASCII_STRING_MARSHALLER);

    private GrpcTarget() {
    }

    static ManagedChannel open(String target) {
        NettyChannelBuilder b = NettyChannelBuilder.forTarget(target);
        String keyStore = System.getenv("SKYFLEET_TLS_KEYSTORE");
        String trustStore = System.getenv("SKYFLEET_TLS_TRUSTSTORE");
        if (keyStore != null && trustStore != null) {
            String password = System.getenv("SKYFLEET_TLS_PASSWORD");
            b.sslContext(new MutualTls(Path.of(keyStore), Path.of(trustStore),
                    (password == null ? "" : password).toCharArray()).clientContext());
        } else {
            b.usePlaintext();
        }
        Metadata caller = new Metadata();
        String token = System.getenv("SKYFLEET_TOKEN");
        if (token != null && !token.isBlank()) {
            caller.put(AUTHORIZATION, "Bearer " + token.strip());
        } else {
            String user = System.getProperty("user.name", "cli");
            String role = System.getenv("SKYFLEET_ROLE");
            caller.put(SUBJECT, user == null || user.isBlank() ? "cli" : user);
            caller.put(ROLE, role == null || role.isBlank() ? "commander" : role.strip());
        }
        return b.intercept(MetadataUtils.newAttachHeadersInterceptor(caller)).build();
    }
}
