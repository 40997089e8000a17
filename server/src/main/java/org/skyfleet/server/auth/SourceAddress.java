package org.skyfleet.server.auth;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Where a call comes from, as refusals are counted: the peer's IP address, without the port a client rotates at will. */
public final class SourceAddress {
    private SourceAddress() {
    }

    /** The IP address of {@code remote}; its text for other kinds of address; "unknown" for none. */
    public static String of(SocketAddress remote) {
        if (remote instanceof InetSocketAddress inet) {
            return inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
        }
        return remote == null ? "unknown" : remote.toString();
    }
}
