package org.skyfleet.cluster.records;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.skyfleet.server.auth.MutualTls;

/**
 * One long-lived channel per node a call was forwarded to. With mutual TLS the node shows its own
 * certificate, as the console's bridge does; otherwise plaintext, as between the nodes' own gRPC ports.
 */
public final class LeaderChannels implements AutoCloseable {
    private final MutualTls tls;
    private final Map<String, ManagedChannel> byTarget = new ConcurrentHashMap<>();

    /** @param tls the node's mutual TLS, or null for plaintext */
    public LeaderChannels(MutualTls tls) {
        this.tls = tls;
    }

    /** The channel to {@code target} (host:port), opened on first use. */
    public ManagedChannel get(String target) {
        return byTarget.computeIfAbsent(target, t -> {
            NettyChannelBuilder b = NettyChannelBuilder.forTarget(t);
            if (tls != null) {
                b.sslContext(tls.clientContext());
            } else {
                b.usePlaintext();
            }
            return b.build();
        });
    }

    @Override
    public void close() {
        byTarget.values().forEach(ManagedChannel::shutdownNow);
        for (ManagedChannel c : byTarget.values()) {
            try {
                c.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
