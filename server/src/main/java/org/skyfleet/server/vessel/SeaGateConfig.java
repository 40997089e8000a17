package org.skyfleet.server.vessel;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import org.skyfleet.fleet.vessel.PortFleet;
import org.skyfleet.fleet.vessel.SeaGateRules;

/**
 * Where a node hears vessels and whom it knows.
 *
 * @param udpHost    AIS UDP bind address
 * @param udpPort    AIS UDP port: 10110 by default, 0 for a free one (tests), -1 for none
 * @param tcpFeeds   receivers or aggregators to read NMEA lines from as a TCP client; may be empty
 * @param portFleet  the port's own fleet register
 * @param maxVessels vessels held at once; a new MMSI beyond it is refused and counted
 * @param ruleLimits when a silent vessel is dark and a lingering one loiters
 */
public record SeaGateConfig(String udpHost, int udpPort, List<InetSocketAddress> tcpFeeds, PortFleet portFleet, int maxVessels,
                            SeaGateRules.Limits ruleLimits) {
    public static final int DEFAULT_UDP_PORT = 10110;
    /** Ningbo-Zhoushan sees several thousand boats at once; room for ten times that. */
    public static final int DEFAULT_MAX_VESSELS = 50_000;

    public SeaGateConfig {
        Objects.requireNonNull(udpHost, "udpHost");
        tcpFeeds = List.copyOf(tcpFeeds);
        Objects.requireNonNull(portFleet, "portFleet");
        Objects.requireNonNull(ruleLimits, "ruleLimits");
        if (udpPort < -1 || udpPort > 65535) {
            throw new IllegalArgumentException("AIS UDP port must be -1 (none) or 0..65535, got " + udpPort);
        }
        if (maxVessels < 1) {
            throw new IllegalArgumentException("maxVessels must be >= 1, got " + maxVessels);
        }
    }

    /** 0.0.0.0:10110, no TCP feed, no register: what `serve` starts with. */
    public static SeaGateConfig defaults() {
        return new SeaGateConfig("0.0.0.0", DEFAULT_UDP_PORT, List.of(), PortFleet.empty(), DEFAULT_MAX_VESSELS, SeaGateRules.Limits.defaults());
    }

    /** Loopback and a free port: for tests and benchmarks. */
    public static SeaGateConfig ephemeral() {
        return new SeaGateConfig("127.0.0.1", 0, List.of(), PortFleet.empty(), DEFAULT_MAX_VESSELS, SeaGateRules.Limits.defaults());
    }

    public SeaGateConfig withUdp(String host, int port) {
        return new SeaGateConfig(host, port, tcpFeeds, portFleet, maxVessels, ruleLimits);
    }

    public SeaGateConfig withTcpFeeds(List<InetSocketAddress> feeds) {
        return new SeaGateConfig(udpHost, udpPort, feeds, portFleet, maxVessels, ruleLimits);
    }

    public SeaGateConfig withRuleLimits(SeaGateRules.Limits limits) {
        return new SeaGateConfig(udpHost, udpPort, tcpFeeds, portFleet, maxVessels, limits);
    }

    public SeaGateConfig withPortFleet(PortFleet fleet) {
        return new SeaGateConfig(udpHost, udpPort, tcpFeeds, fleet, maxVessels, ruleLimits);
    }
}
