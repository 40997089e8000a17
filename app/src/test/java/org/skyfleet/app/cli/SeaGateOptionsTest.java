package org.skyfleet.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyfleet.server.vessel.SeaGateConfig;
import picocli.CommandLine;

class SeaGateOptionsTest {
    @TempDir
    Path dir;

    private static SeaGateOptions parse(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return serve.seaGateOptions;
    }

    @Test
    void defaultsHearAisOnPort10110AndFlagsAddFeedsAndTheRegister() throws Exception {
        assertThat(parse().toConfig().udpPort()).isEqualTo(SeaGateConfig.DEFAULT_UDP_PORT);
        Path csv = Files.writeString(dir.resolve("fleet.csv"), "mmsi,name,owner,home_port\n412440001,ZHEPUYU 01,Chen,Shenjiamen\n");
        SeaGateConfig c = parse("--ais-port", "-1", "--ais-tcp", "ais.local:5631", "--ais-tcp", "10.0.0.9:10110",
                "--port-fleet", csv.toString()).toConfig();
        assertThat(c.udpPort()).isEqualTo(-1);
        assertThat(c.tcpFeeds()).extracting(a -> a.getHostString() + ":" + a.getPort()).containsExactly("ais.local:5631", "10.0.0.9:10110");
        assertThat(c.portFleet().get(412440001L).homePort()).isEqualTo("Shenjiamen");
    }

    @Test
    void aBadFeedOrRegisterIsNamed() throws Exception {
        assertThatThrownBy(() -> parse("--ais-tcp", "nohost").toConfig()).hasMessageContaining("--ais-tcp nohost: expected HOST:PORT");
        Path bad = Files.writeString(dir.resolve("bad.csv"), "mmsi,name,owner,home_port\n12,X,a,b\n");
        assertThatThrownBy(() -> parse("--port-fleet", bad.toString()).toConfig())
                .hasMessageContaining("line 2, column mmsi: '12' is not a 9-digit MMSI");
    }
}
