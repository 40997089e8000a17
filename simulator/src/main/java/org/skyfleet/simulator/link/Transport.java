package org.skyfleet.simulator.link;

import java.net.SocketAddress;
import java.util.function.Consumer;

/** One end of a datagram link. Used by the simulation thread only. */
public interface Transport extends AutoCloseable {

    /** Sends one datagram; a datagram that cannot be sent is lost, as over a radio. */
    void send(byte[] datagram);

    /** Hands every datagram that arrived since the last call to {@code consumer}, in arrival order. */
    void receive(Consumer<byte[]> consumer);

    /** The local socket address, or null for an in-memory link. */
    SocketAddress localAddress();

    @Override
    void close();
}
