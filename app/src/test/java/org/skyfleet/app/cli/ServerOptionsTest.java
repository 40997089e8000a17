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

    @Test
    void withTokensRequiredUnsignedVehiclesAreRefusedUnlessAllowedAndLabTrustsTheirFirstAddress() {
        org.skyfleet.server.auth.TokenAuthority tokens = new org.skyfleet.server.auth.TokenAuthority(new byte[32],
                java.time.InstantSource.system());

        assertThat(parse().withTokens(tokens, true).unsignedLinks())
                .isEqualTo(org.skyfleet.telemetry.link.UnsignedLinks.REFUSED);
        assertThat(parse("--allow-unsigned").withTokens(tokens, true).unsignedLinks())
                .isEqualTo(org.skyfleet.telemetry.link.UnsignedLinks.CLAIMED);
        assertThat(parse("--lab").withTokens(tokens, true).unsignedLinks())
                .isEqualTo(org.skyfleet.telemetry.link.UnsignedLinks.FIRST_ADDRESS_TRUSTED);
        assertThat(parse().unsignedLinks()).as("no tokens required").isEqualTo(org.skyfleet.telemetry.link.UnsignedLinks.FIRST_ADDRESS_TRUSTED);
    }

    @Test
    void theSourceRateIsTwoThousandUnlessGiven() {
        assertThat(parse().mavlinkSourceRate()).isEqualTo(2000);
        assertThat(parse("--mavlink-source-rate", "20000").mavlinkSourceRate()).isEqualTo(20_000);
    }

    private static ServerOptions options(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return serve.options;
    }

    @Test
    void withoutATokenKeyOnlyLoopbackMayServe() {
        assertThat(options().unauthenticatedExposure()).isNull();
        assertThat(options("--grpc-host", "localhost", "--http-host", "::1").unauthenticatedExposure()).isNull();

        assertThat(options("--grpc-host", "0.0.0.0").unauthenticatedExposure())
                .contains("--grpc-host 0.0.0.0").contains("SKYFLEET_TOKEN_KEY").contains("--lab");
        assertThat(options("--http-host", "10.1.2.3").unauthenticatedExposure()).contains("--http-host 10.1.2.3");
    }

    @Test
    void labModeMayServeAnywhereWithoutATokenKey() {
        assertThat(options("--grpc-host", "0.0.0.0", "--http-host", "0.0.0.0", "--lab").unauthenticatedExposure()).isNull();
    }

    @Test
    void serveRefusesToStartOnAWildcardAddressWithoutATokenKey() {
        java.io.PrintStream was = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true));
        int code;
        try {
            ServeCommand serve = new ServeCommand();
            serve.environment = name -> null; // no token key, whatever this machine's environment holds
            code = new CommandLine(serve).execute("--grpc-host", "0.0.0.0", "--grpc-port", "0", "--http-port", "0");
        } finally {
            System.setErr(was);
        }
        assertThat(code).isEqualTo(2);
        assertThat(captured.toString()).contains("refusing to serve --grpc-host 0.0.0.0 without a token key");
    }
}
