package org.skyfleet.simulator.link;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.function.Consumer;

/**
 * Every vehicle's own UDP socket, registered with one selector so that a step asks the kernel once
 * which sockets have datagrams waiting instead of trying each of thousands of sockets.
 */
public final class UdpNetwork implements AutoCloseable {
    private final Selector selector;
    private final ByteBuffer receiveBuffer = ByteBuffer.allocate(65_536);

    public UdpNetwork() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a socket on an ephemeral port that sends to {@code target}. */
    public Transport open(InetSocketAddress target) {
        return open(List.of(target));
    }

    /**
     * Opens a socket on an ephemeral port that sends every datagram to each of {@code targets}, as PX4 streams
     * to several ground stations, and takes commands from any of them. One socket, so every ground station
     * sees the vehicle at the same address: control-plane nodes sharing a fleet can take each other's
     * vehicles over.
     */
    public Transport open(List<InetSocketAddress> targets) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a vehicle needs at least one ground station");
        }
        boolean allLoopback = targets.stream().allMatch(t -> t.getAddress().isLoopbackAddress());
        try {
            DatagramChannel channel = DatagramChannel.open();
            channel.bind(new InetSocketAddress(allLoopback ? targets.get(0).getAddress() : null, 0));
            channel.configureBlocking(false);
            UdpTransport t = new UdpTransport(channel, List.copyOf(targets));
            channel.register(selector, SelectionKey.OP_READ, t);
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a UDP socket to " + targets, e);
        }
    }

    /** Marks the sockets that have datagrams waiting; the others' {@code receive} returns at once. */
    public void pollReady() {
        try {
            if (selector.selectNow() > 0) {
                for (SelectionKey key : selector.selectedKeys()) {
                    ((UdpTransport) key.attachment()).ready = true;
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private final class UdpTransport implements Transport {
        private final DatagramChannel channel;
        private final List<InetSocketAddress> targets;
        private boolean ready;

        UdpTransport(DatagramChannel channel, List<InetSocketAddress> targets) {
            this.channel = channel;
            this.targets = targets;
        }

        @Override
        public void send(byte[] datagram) {
            for (InetSocketAddress target : targets) {
                try {
                    channel.send(ByteBuffer.wrap(datagram), target);
                } catch (IOException e) {
                    // A full socket buffer or an unreachable ground station loses this datagram, as a radio would.
                }
            }
        }

        @Override
        public void receive(Consumer<byte[]> consumer) {
            if (!ready) {
                return;
            }
            ready = false;
            try {
                while (true) {
                    receiveBuffer.clear();
                    if (channel.receive(receiveBuffer) == null) {
                        return;
                    }
                    receiveBuffer.flip();
                    byte[] d = new byte[receiveBuffer.remaining()];
                    receiveBuffer.get(d);
                    consumer.accept(d);
                }
            } catch (IOException e) {
                // An ICMP port-unreachable from a ground station that is not up yet: nothing to read.
            }
        }

        @Override
        public SocketAddress localAddress() {
            try {
                return channel.getLocalAddress();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
