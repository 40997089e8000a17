package org.skyfleet.server.cluster;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;

/**
 * Ports for nodes that listen for MAVLink on one port at two loopback addresses (127.0.0.1 and 127.0.0.2),
 * so a simulated drone streaming to both has the same id on each.
 */
final class LoopbackPorts {
    private LoopbackPorts() {
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
