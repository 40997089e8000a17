package org.skyfleet.app.cli;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.nio.file.Path;
import org.skyfleet.server.auth.MutualTls;
import org.skyfleet.server.grpc.CallerInterceptor;

/**
 * Opens a channel to a SkyFleet server given as host:port, for the command-line tools. Who calls:
 * {@code SKYFLEET_TOKEN} (a bearer token from {@code skyfleet token create}); without one, on a server
 * that trusts named callers (a lab, the demo without tokens), the tool names itself after the user with
 * the role in {@code SKYFLEET_ROLE} (default commander: the tools watch and review). Mutual TLS when
 * {@code SKYFLEET_TLS_KEYSTORE} and {@code SKYFLEET_TLS_TRUSTSTORE} name PKCS#12 files
 * ({@code SKYFLEET_TLS_PASSWORD} opens them).
 */
final class GrpcTarget {

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
        Metadata caller;
        String token = System.getenv("SKYFLEET_TOKEN");
        if (token != null && !token.isBlank()) {
            caller = CallerInterceptor.bearer(token.strip());
        } else {
            String user = System.getProperty("user.name", "cli");
            String role = System.getenv("SKYFLEET_ROLE");
            caller = CallerInterceptor.headers(user == null || user.isBlank() ? "cli" : user,
                    role == null || role.isBlank() ? "commander" : role.strip());
        }
        return b.intercept(MetadataUtils.newAttachHeadersInterceptor(caller)).build();
    }
}
