package org.skyfleet.server.cli;

import java.time.Duration;
import org.skyfleet.server.ServerConfig;
import picocli.CommandLine.Option;

/** The listening options shared by {@code serve} and {@code demo}. */
final class ServerOptions {
    @Option(names = "--grpc-host", defaultValue = "127.0.0.1", description = "gRPC bind address (default: ${DEFAULT-VALUE})")
    String grpcHost;

    @Option(names = "--grpc-port", defaultValue = "50051", description = "gRPC port (default: ${DEFAULT-VALUE})")
    int grpcPort;

    @Option(names = "--mavlink-host", defaultValue = "0.0.0.0", description = "MAVLink UDP bind address (default: ${DEFAULT-VALUE})")
    String mavlinkHost;

    @Option(names = "--mavlink-port", defaultValue = "14550", description = "first MAVLink UDP port (default: ${DEFAULT-VALUE})")
    int mavlinkPort;

    @Option(names = "--mavlink-links", defaultValue = "1",
            description = "consecutive UDP ports to open, up to 254 vehicles each (default: ${DEFAULT-VALUE})")
    int mavlinkLinks;

    @Option(names = "--http-host", defaultValue = "127.0.0.1", description = "metrics/health bind address (default: ${DEFAULT-VALUE})")
    String httpHost;

    @Option(names = "--http-port", defaultValue = "9090", description = "metrics/health port (default: ${DEFAULT-VALUE})")
    int httpPort;

    @Option(names = "--heartbeat-timeout-ms", defaultValue = "3000",
            description = "no heartbeat for this long marks a link lost (default: ${DEFAULT-VALUE})")
    long heartbeatTimeoutMs;

    ServerConfig toConfig() {
        return new ServerConfig(grpcHost, grpcPort, mavlinkHost, mavlinkPort, mavlinkLinks, httpHost, httpPort,
                Duration.ofMillis(heartbeatTimeoutMs));
    }
}
