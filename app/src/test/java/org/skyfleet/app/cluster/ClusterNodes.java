package org.skyfleet.app.cluster;

import org.skyfleet.cluster.ClusterConfig;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import org.skyfleet.fleet.store.Store;
import org.skyfleet.server.automation.AutomationConfig;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.cluster.bus.NatsTestServer;

/**
 * Nodes of one fleet in one JVM that listen for MAVLink on one port at two loopback addresses (127.0.0.1 and
 * 127.0.0.2), so a simulated drone streaming to both has the same id on each.
 */
final class ClusterNodes {
    /** Short, so a stopped node's vehicles move within a test's patience. */
    static final Duration OWNER_LEASE = Duration.ofSeconds(3);

    private ClusterNodes() {
    }

    /** A node on the test NATS listening for MAVLink at {@code mavlink}, keeping its records in {@code store}. */
    static SkyfleetServer start(InetSocketAddress mavlink, String nodeId, Store store) throws Exception {
        return SkyfleetServer.start(ServerConfig.ephemeral().withMavlink(mavlink.getHostString(), mavlink.getPort(), 1),
                AutomationConfig.defaults(), store, InstantSource.system(),
                ClusterConfig.of(NatsTestServer.URL, nodeId).withOwnerLease(OWNER_LEASE));
    }

    /** A UDP port free on both 127.0.0.1 and 127.0.0.2. */
    static int freeUdpPortOnBoth() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port;
            try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
                port = s.getLocalPort();
            }
            try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.2", port))) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no UDP port free on both 127.0.0.1 and 127.0.0.2");
    }
}
