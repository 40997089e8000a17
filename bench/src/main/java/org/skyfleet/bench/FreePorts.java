package org.skyfleet.bench;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** Finds a run of consecutive free UDP ports, for benchmarks that need several links. */
final class FreePorts {
    private FreePorts() {
    }

    static int udpRange(String host, int count) {
        for (int base = 31_000; base < 60_000; base += Math.max(count, 16)) {
            List<DatagramSocket> probes = new ArrayList<>();
            try {
                for (int p = 0; p < count; p++) {
                    probes.add(new DatagramSocket(new InetSocketAddress(host, base + p)));
                }
                return base;
            } catch (IOException taken) {
                // try the next range
            } finally {
                probes.forEach(DatagramSocket::close);
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free UDP ports on " + host);
    }
}
