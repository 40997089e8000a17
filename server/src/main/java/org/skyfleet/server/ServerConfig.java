package org.skyfleet.server;

import java.time.Duration;
import java.util.Objects;
import org.skyfleet.telemetry.link.SigningKeys;

/**
 * Where the server listens and how it judges links. Every port may be 0 to pick a free one (tests).
 *
 * @param grpcHost          gRPC bind address; 127.0.0.1 unless the deployment says otherwise
 * @param grpcPort          gRPC port, 50051 by default
 * @param mavlinkHost       MAVLink UDP bind address, 0.0.0.0 so vehicles on the network reach it
 * @param mavlinkPort       first MAVLink UDP port, 14550 by default
 * @param mavlinkLinks      how many consecutive UDP ports (links) to open; each carries up to 254 vehicles
 * @param httpHost          metrics/health bind address
 * @param httpPort          metrics/health port, 9090 by default
 * @param heartbeatTimeout  no heartbeat for this long marks a vehicle's link lost
 * @param signingKeys       MAVLink 2 signing keys by vehicle system id, on every link; none by default
 */
public record ServerConfig(String grpcHost, int grpcPort, String mavlinkHost, int mavlinkPort, int mavlinkLinks,
                           String httpHost, int httpPort, Duration heartbeatTimeout, SigningKeys signingKeys) {
    public ServerConfig {
        Objects.requireNonNull(signingKeys, "signingKeys");
        if (mavlinkLinks < 1 || mavlinkLinks > 256) {
            throw new IllegalArgumentException("mavlinkLinks must be 1..256, got " + mavlinkLinks);
        }
        if (mavlinkPort == 0 && mavlinkLinks > 1) {
            throw new IllegalArgumentException("several links need a fixed first port");
        }
    }

    /** Unsigned links. */
    public ServerConfig(String grpcHost, int grpcPort, String mavlinkHost, int mavlinkPort, int mavlinkLinks,
                        String httpHost, int httpPort, Duration heartbeatTimeout) {
        this(grpcHost, grpcPort, mavlinkHost, mavlinkPort, mavlinkLinks, httpHost, httpPort, heartbeatTimeout,
                SigningKeys.none());
    }

    public static ServerConfig defaults() {
        return new ServerConfig("127.0.0.1", 50051, "0.0.0.0", 14550, 1, "127.0.0.1", 9090, Duration.ofSeconds(3));
    }

    /** Everything on loopback with free ports: for tests and benchmarks. */
    public static ServerConfig ephemeral() {
        return new ServerConfig("127.0.0.1", 0, "127.0.0.1", 0, 1, "127.0.0.1", 0, Duration.ofSeconds(3));
    }

    public ServerConfig withHeartbeatTimeout(Duration timeout) {
        return new ServerConfig(grpcHost, grpcPort, mavlinkHost, mavlinkPort, mavlinkLinks, httpHost, httpPort, timeout, signingKeys);
    }

    public ServerConfig withMavlink(String host, int port, int links) {
        return new ServerConfig(grpcHost, grpcPort, host, port, links, httpHost, httpPort, heartbeatTimeout,
                signingKeys);
    }

    /** Requires MAVLink 2 signing from, and signs for, every system id with a key. */
    public ServerConfig withSigningKeys(SigningKeys keys) {
        return new ServerConfig(grpcHost, grpcPort, mavlinkHost, mavlinkPort, mavlinkLinks, httpHost, httpPort,
                heartbeatTimeout, keys);
    }
}
