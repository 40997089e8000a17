package org.skyfleet.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.skyfleet.cluster.ClusterConfig;
import picocli.CommandLine;

class ClusterOptionsTest {

    @Test
    void withoutBusTheNodeIsOnItsOwn() throws Exception {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs();
        assertThat(serve.clusterOptions.toConfig()).isNull();
    }

    @Test
    void busNodeIdAndLeaseMakeTheClusterConfig() throws Exception {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--bus", "nats://10.0.0.5:4222", "--node-id", "ops-b", "--owner-lease-s", "9");
        ClusterConfig c = serve.clusterOptions.toConfig();
        assertThat(c.natsUrl()).isEqualTo("nats://10.0.0.5:4222");
        assertThat(c.nodeId()).isEqualTo("ops-b");
        assertThat(c.ownerLease()).isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void theHostNameNamesANodeThatWasNotNamed() throws Exception {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--bus", "nats://127.0.0.1:4222");
        assertThat(serve.clusterOptions.toConfig().nodeId()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void aNodeSharingAFleetMustShareTheDatabase() {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream before = System.err;
        int exit;
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            exit = new CommandLine(new ServeCommand()).execute("--bus", "nats://127.0.0.1:4222", "--data-dir", "/tmp/not-shared");
        } finally {
            System.setErr(before);
        }
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("--bus needs --store-url");
    }

    @Test
    void busCredentialsAndTlsReachTheClusterConfig() throws Exception {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--bus", "tls://10.0.0.5:4222", "--bus-creds", "/etc/skyfleet/node.creds",
                "--bus-truststore", "/etc/skyfleet/nats-ca.p12");
        org.skyfleet.cluster.bus.BusAuth auth = serve.clusterOptions.toConfig().busAuth();
        assertThat(auth.credsFile()).isEqualTo(java.nio.file.Path.of("/etc/skyfleet/node.creds"));
        assertThat(auth.tls()).isTrue();
        assertThat(auth.trustStore()).isEqualTo(java.nio.file.Path.of("/etc/skyfleet/nats-ca.p12"));

        ServeCommand withUser = new ServeCommand();
        new CommandLine(withUser).parseArgs("--bus", "nats://10.0.0.5:4222", "--bus-user", "node-b");
        assertThat(withUser.clusterOptions.busAuth("s3cret", null).user()).isEqualTo("node-b");
        assertThat(withUser.clusterOptions.busAuth("s3cret", null).toString()).doesNotContain("s3cret");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> withUser.clusterOptions.busAuth(null, null))
                .hasMessageContaining("SKYFLEET_BUS_PASSWORD");

        ServeCommand both = new ServeCommand();
        new CommandLine(both).parseArgs("--bus", "nats://10.0.0.5:4222", "--bus-user", "node-b", "--bus-nkey", "/etc/seed");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> both.clusterOptions.busAuth("pw", null))
                .hasMessageContaining("one way to authenticate");
    }

    @Test
    void theAdvertisedGrpcAddressIsPassedOn() throws Exception {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--bus", "nats://127.0.0.1:4222", "--advertise-grpc", "ops-b.example:50051");
        assertThat(serve.clusterOptions.toConfig().advertisedGrpc()).isEqualTo("ops-b.example:50051");
    }
}
