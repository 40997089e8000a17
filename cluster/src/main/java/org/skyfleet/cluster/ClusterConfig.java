package org.skyfleet.cluster;

import java.time.Duration;
import java.util.Objects;
import org.skyfleet.cluster.bus.BusAuth;

/**
 * How a node joins the others sharing its fleet.
 *
 * @param natsUrl       the NATS server with JetStream, e.g. {@code nats://127.0.0.1:4222}
 * @param nodeId        this node's name, unique among the nodes: 1-64 letters, digits, '_' or '-'
 * @param ownerLease    how long a node holds a vehicle's link without renewing; renewed every third of it,
 *                      so a node that dies frees its vehicles within this
 * @param relayDeadline how long a command relayed to the owner may take, longer than a vehicle's own retries
 * @param advertisedGrpc where the other nodes reach this node's gRPC (host:port) when it leads the records;
 *                      null: the gRPC host it binds (the host name if that is a wildcard) and its port
 * @param busAuth       how the node authenticates to NATS and whether it speaks TLS; null: {@link BusAuth#none()}
 */
public record ClusterConfig(String natsUrl, String nodeId, Duration ownerLease, Duration relayDeadline, String advertisedGrpc,
                            BusAuth busAuth) {
    public ClusterConfig {
        busAuth = busAuth == null ? BusAuth.none() : busAuth;
        Objects.requireNonNull(natsUrl, "natsUrl");
        Objects.requireNonNull(nodeId, "nodeId");
        if (ownerLease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("owner lease must be at least 1 s, got " + ownerLease);
        }
        if (relayDeadline.isNegative() || relayDeadline.isZero()) {
            throw new IllegalArgumentException("relay deadline must be positive, got " + relayDeadline);
        }
    }

    /** Without NATS credentials or TLS. */
    public ClusterConfig(String natsUrl, String nodeId, Duration ownerLease, Duration relayDeadline, String advertisedGrpc) {
        this(natsUrl, nodeId, ownerLease, relayDeadline, advertisedGrpc, BusAuth.none());
    }

    /** A 6 s lease (a dead node's vehicles move within 6 s) and a 20 s relay deadline. */
    public static ClusterConfig of(String natsUrl, String nodeId) {
        return new ClusterConfig(natsUrl, nodeId, Duration.ofSeconds(6), Duration.ofSeconds(20), null);
    }

    public ClusterConfig withOwnerLease(Duration lease) {
        return new ClusterConfig(natsUrl, nodeId, lease, relayDeadline, advertisedGrpc, busAuth);
    }

    public ClusterConfig withAdvertisedGrpc(String hostPort) {
        return new ClusterConfig(natsUrl, nodeId, ownerLease, relayDeadline, hostPort, busAuth);
    }

    /** Authenticates to NATS, and speaks TLS to it, as {@code auth} says. */
    public ClusterConfig withBusAuth(BusAuth auth) {
        return new ClusterConfig(natsUrl, nodeId, ownerLease, relayDeadline, advertisedGrpc, auth);
    }
}
