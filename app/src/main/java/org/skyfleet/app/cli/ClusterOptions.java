package org.skyfleet.app.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.skyfleet.cluster.ClusterConfig;
import picocli.CommandLine.Option;

/** {@code serve}'s options for sharing one fleet with other nodes over NATS. */
final class ClusterOptions {
    @Option(names = "--bus", paramLabel = "NATS_URL",
            description = "share the fleet with the other nodes on this NATS server with JetStream, e.g. nats://127.0.0.1:4222 "
                    + "(default: none, the node is on its own)")
    String bus;

    @Option(names = "--node-id", description = "this node's name among the nodes: letters, digits, '_' or '-' (default: the host name)")
    String nodeId;

    @Option(names = "--owner-lease-s", defaultValue = "6",
            description = "seconds a node holds a vehicle's link without renewing it: a stopped node's vehicles move within this "
                    + "(default: ${DEFAULT-VALUE})")
    int ownerLeaseS;

    @Option(names = "--advertise-grpc", paramLabel = "HOST:PORT",
            description = "where the other nodes reach this node's gRPC when it leads the records "
                    + "(default: --grpc-host, or the host name if that is 0.0.0.0, and the gRPC port)")
    String advertiseGrpc;

    /** The cluster to join, or null without {@code --bus}. */
    ClusterConfig toConfig() throws UnknownHostException {
        if (bus == null) {
            return null;
        }
        String id = nodeId != null ? nodeId : InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9_-]", "-");
        return ClusterConfig.of(bus, id).withOwnerLease(Duration.ofSeconds(ownerLeaseS)).withAdvertisedGrpc(advertiseGrpc);
    }
}
