package org.skyfleet.telemetry.link;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per source IP address, so that one flooding source is cut off cheaply (before any
 * decoding) and the link's thread keeps up with everyone else. The bucket is the host's, not the
 * socket's: a sender rotating through source ports (32 sockets, say) shares one budget instead of getting
 * one each. Vehicles behind one NAT share it too, which the default budget (2,000 datagrams/s) leaves room
 * for. Tracks at most {@code MAX_PEERS} sources, forgetting the least recently seen, so spoofed sources
 * cannot grow it without bound.
 * Not thread-safe: used on the link's thread only.
 */
final class PeerRateLimiter {
    private static final int MAX_PEERS = 65_536;

    private final double tokensPerNano;
    private final double burst;
    private final Map<InetAddress, double[]> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InetAddress, double[]> eldest) {
            return size() > MAX_PEERS;
        }
    };

    PeerRateLimiter(double perSecond, double burst) {
        this.tokensPerNano = perSecond / 1e9;
        this.burst = burst;
    }

    /** True if a datagram from {@code peer} at {@code nowNanos} is within its host's budget, whatever its port. */
    boolean tryAcquire(InetSocketAddress peer, long nowNanos) {
        InetAddress host = peer.getAddress();
        double[] bucket = buckets.get(host);  // [tokens, lastRefillNanos]
        if (bucket == null) {
            bucket = new double[] {burst, nowNanos};
            buckets.put(host, bucket);
        } else {
            double refill = (nowNanos - (long) bucket[1]) * tokensPerNano;
            bucket[0] = Math.min(burst, bucket[0] + refill);
            bucket[1] = nowNanos;
        }
        if (bucket[0] >= 1) {
            bucket[0] -= 1;
            return true;
        }
        return false;
    }
}
