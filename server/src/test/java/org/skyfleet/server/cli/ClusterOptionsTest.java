package org.skyfleet.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.skyfleet.server.cluster.ClusterConfig;
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
}
