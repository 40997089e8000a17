package org.skyfleet.app.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.skyfleet.cluster.ClusterConfig;
import org.skyfleet.cluster.bus.BusAuth;
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

    @Option(names = "--bus-creds", paramLabel = "FILE",
            description = "NATS credentials file (a user JWT and its nkey seed, as 'nsc generate creds' writes) to authenticate with")
    java.nio.file.Path busCreds;

    @Option(names = "--bus-nkey", paramLabel = "FILE", description = "file holding a NATS user nkey seed (SU...) to authenticate with")
    java.nio.file.Path busNkey;

    @Option(names = "--bus-user", description = "NATS user name to authenticate with; the password comes from SKYFLEET_BUS_PASSWORD")
    String busUser;

    @Option(names = "--bus-tls", description = "speak TLS to NATS (also implied by a tls:// URL), trusting --bus-truststore or "
            + "the JVM's CA certificates")
    boolean busTls;

    @Option(names = "--bus-truststore", paramLabel = "FILE", description = "PKCS#12 file with the CA certificates NATS's "
            + "certificate must chain to (implies --bus-tls); its password, if any, from SKYFLEET_BUS_TRUSTSTORE_PASSWORD")
    java.nio.file.Path busTrustStore;

    /** The cluster to join, or null without {@code --bus}. */
    ClusterConfig toConfig() throws UnknownHostException {
        if (bus == null) {
            return null;
        }
        String id = nodeId != null ? nodeId : InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9_-]", "-");
        return ClusterConfig.of(bus, id).withOwnerLease(Duration.ofSeconds(ownerLeaseS)).withAdvertisedGrpc(advertiseGrpc)
                .withBusAuth(busAuth(System.getenv("SKYFLEET_BUS_PASSWORD"), System.getenv("SKYFLEET_BUS_TRUSTSTORE_PASSWORD")));
    }

    /** The NATS credentials and TLS the options name, with the secrets the environment holds. */
    BusAuth busAuth(String password, String trustStorePassword) {
        if (busUser != null && password == null) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--bus-user needs its password in SKYFLEET_BUS_PASSWORD");
        }
        try {
            return new BusAuth(busCreds, busNkey, busUser, password == null ? null : password.toCharArray(),
                    busTls || busTrustStore != null, busTrustStore, trustStorePassword == null ? null : trustStorePassword.toCharArray());
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), e.getMessage());
        }
    }
}
