package org.skyfleet.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyfleet.app.ServerConfig;
import picocli.CommandLine;

class ServerOptionsTest {
    private static final String HEX = "8f1c2a3b4d5e6f708192a3b4c5d6e7f80112233445566778899aabbccddeeff0";

    private static ServerConfig parse(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return serve.options.toConfig();
    }

    @Test
    void signingKeysFileTurnsOnSigningForItsSystemIds(@TempDir Path dir) throws Exception {
        Path keys = Files.writeString(dir.resolve("keys"), "# fleet keys\n3 " + HEX + "\n");

        ServerConfig config = parse("--signing-keys", keys.toString());

        assertThat(config.signingKeys().requiresSigning(3)).isTrue();
        assertThat(config.signingKeys().requiresSigning(4)).isFalse();
        assertThat(config.toString()).doesNotContain(HEX.substring(0, 16));
    }

    @Test
    void withoutTheOptionEveryLinkIsUnsigned() {
        assertThat(parse().signingKeys().isEmpty()).isTrue();
    }
}
