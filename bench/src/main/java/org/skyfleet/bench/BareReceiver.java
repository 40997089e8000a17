package org.skyfleet.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The baseline: receives and counts datagrams on the same ports, doing nothing else. */
final class BareReceiver implements AutoCloseable {
    final AtomicLong received = new AtomicLong();
    private final List<DatagramChannel> channels = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    BareReceiver(String host, int firstPort, int ports) throws IOException {
        for (int p = 0; p < ports; p++) {
            DatagramChannel ch = DatagramChannel.open();
            ch.setOption(StandardSocketOptions.SO_RCVBUF, 4 * 1024 * 1024);
            ch.bind(new InetSocketAddress(host, firstPort + p));
            channels.add(ch);
            Thread t = new Thread(() -> receive(ch), "bench-bare-receiver-" + p);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    private void receive(DatagramChannel ch) {
        ByteBuffer buf = ByteBuffer.allocateDirect(2048);
        try {
            while (running) {
                buf.clear();
                if (ch.receive(buf) != null) {
                    received.incrementAndGet();
                }
            }
        } catch (IOException e) {
            // closed: done
        }
    }

    @Override
    public void close() throws Exception {
        running = false;
        for (DatagramChannel ch : channels) {
            ch.close();
        }
        for (Thread t : threads) {
            t.join(2_000);
        }
    }
}
