package org.skyfleet.telemetry.link;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per source address, so that one flooding source is cut off cheaply (before any
 * decoding) and the link's thread keeps up with everyone else. Tracks at most {@code maxPeers}
 * sources, forgetting the least recently seen, so spoofed sources cannot grow it without bound.
 * Not thread-safe: used on the link's thread only.
 */
final class PeerRateLimiter {
    private static final int MAX_PEERS = 65_536;

    private final double tokensPerNano;
    private final double burst;
    private final Map<InetSocketAddress, double[]> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, double[]> eldest) {
            return size() > MAX_PEERS;
        }
    };

    PeerRateLimiter(double perSecond, double burst) {
        this.tokensPerNano = perSecond / 1e9;
        this.burst = burst;
    }

    /** True if a datagram from {@code peer} at {@code nowNanos} is within its budget. */
    boolean tryAcquire(InetSocketAddress peer, long nowNanos) {
        double[] bucket = buckets.get(peer);  // [tokens, lastRefillNanos]
        if (bucket == null) {
            bucket = new double[] {burst, nowNanos};
            buckets.put(peer, bucket);
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
