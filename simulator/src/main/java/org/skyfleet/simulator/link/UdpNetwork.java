package org.skyfleet.simulator.link;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
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
        try {
            DatagramChannel channel = DatagramChannel.open();
            channel.bind(new InetSocketAddress(target.getAddress().isLoopbackAddress() ? target.getAddress() : null, 0));
            channel.configureBlocking(false);
            UdpTransport t = new UdpTransport(channel, target);
            channel.register(selector, SelectionKey.OP_READ, t);
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a UDP socket to " + target, e);
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
        private final InetSocketAddress target;
        private boolean ready;

        UdpTransport(DatagramChannel channel, InetSocketAddress target) {
            this.channel = channel;
            this.target = target;
        }

        @Override
        public void send(byte[] datagram) {
            try {
                channel.send(ByteBuffer.wrap(datagram), target);
            } catch (IOException e) {
                // A full socket buffer or an unreachable ground station loses this datagram, as a radio would.
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
