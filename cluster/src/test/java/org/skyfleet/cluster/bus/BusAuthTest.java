package org.skyfleet.cluster.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nats.client.Connection;
import io.nats.client.NKey;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyfleet.cluster.ClusterConfig;
import org.skyfleet.cluster.ClusterNode;
import org.skyfleet.server.Await;

/**
 * A node's NATS credentials: sent to a second nats-server that requires a user and password or an nkey (started
 * here on a free port), refused without them; TLS to a nats-server that requires it, its certificate trusted
 * through the given store and not otherwise; a credentials file that is not one stops the node at start naming
 * the file.
 */
class BusAuthTest {
    private static final Path NATS_SERVER = Path.of("/usr/sbin/nats-server");
    private final BusMetrics metrics = new BusMetrics(new SimpleMeterRegistry());
    private Process server;

    @TempDir
    Path dir;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.destroy();
            server.waitFor();
        }
    }

    @Test
    void theUserAndPasswordOrTheNkeyAreSentAndWithoutThemTheServerRefuses() throws Exception {
        // the nats-server the machine runs as its service (Debian's package): there whenever NATS is
        assertThat(Files.isExecutable(NATS_SERVER)).as("nats-server at " + NATS_SERVER).isTrue();
        NKey user = NKey.createUser(new SecureRandom());
        Path seed = Files.writeString(dir.resolve("node.nk"), new String(user.getSeed()) + "\n");
        String url = start("authorization {\n  users = [\n    {user: node-a, password: \"s3cret-pass\"}\n"
                + "    {nkey: " + new String(user.getPublicKey()) + "}\n  ]\n}\n");

        try (Connection c = NatsConnect.open(url, "a", metrics,
                new BusAuth(null, null, "node-a", "s3cret-pass".toCharArray(), false, null, null))) {
            assertThat(c.getStatus()).isEqualTo(Connection.Status.CONNECTED);
        }
        try (Connection c = NatsConnect.open(url, "b", metrics, new BusAuth(null, seed, null, null, false, null, null))) {
            assertThat(c.getStatus()).isEqualTo(Connection.Status.CONNECTED);
        }
        assertThatThrownBy(() -> NatsConnect.open(url, "c", metrics, BusAuth.none()).close()).isInstanceOf(Exception.class);
        assertThatThrownBy(() -> NatsConnect.open(url, "d", metrics,
                new BusAuth(null, null, "node-a", "wrong".toCharArray(), false, null, null)).close()).isInstanceOf(Exception.class);
    }

    @Test
    void tlsIsSpokenAndTheServersCertificateMustChainToTheTrustStore() throws Exception {
        assertThat(Files.isExecutable(NATS_SERVER)).as("nats-server at " + NATS_SERVER).isTrue();
        // a certificate for 127.0.0.1 made by openssl (nats-server reads PEM), trusted through a PKCS#12 store
        run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "key.pem", "-out", "cert.pem", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1",
                "-days", "2");
        run(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-importcert", "-alias", "nats", "-file",
                "cert.pem", "-noprompt", "-keystore", "trust.p12", "-storetype", "PKCS12", "-storepass", "changeit-test");
        String url = start("tls {\n  cert_file: \"" + dir.resolve("cert.pem") + "\"\n  key_file: \"" + dir.resolve("key.pem")
                + "\"\n}\n");

        try (Connection c = NatsConnect.open(url, "tls", metrics, new BusAuth(null, null, null, null, true,
                dir.resolve("trust.p12"), "changeit-test".toCharArray()))) {
            assertThat(c.getStatus()).isEqualTo(Connection.Status.CONNECTED);
            assertThat(c.getServerInfo().isTLSRequired()).isTrue();
        }
        // the JVM's own trust does not know this certificate; and a server that requires TLS refuses plaintext
        assertThatThrownBy(() -> NatsConnect.open(url, "untrusted", metrics,
                new BusAuth(null, null, null, null, true, null, null)).close()).isInstanceOf(Exception.class);
        assertThatThrownBy(() -> NatsConnect.open(url, "plain", metrics, BusAuth.none()).close()).isInstanceOf(Exception.class);
    }

    private void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
    }

    @Test
    void aCredentialsFileThatIsNotOneStopsTheNodeNamingIt() throws Exception {
        Path notCreds = Files.writeString(dir.resolve("node.creds"), "just some text\n");
        ClusterConfig config = ClusterConfig.of(NatsTestServer.URL, NatsTestServer.unique("creds"))
                .withBusAuth(new BusAuth(notCreds, null, null, null, false, null, null));

        assertThatThrownBy(() -> ClusterNode.join(config, Instant::now, new SimpleMeterRegistry()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("--bus-creds " + notCreds + " is not a NATS credentials file");
        assertThatThrownBy(() -> NatsConnect.open(NatsTestServer.URL, "x", metrics,
                new BusAuth(dir.resolve("missing.creds"), null, null, null, false, null, null)))
                .hasMessageContaining("missing.creds cannot be read");
        assertThatThrownBy(() -> NatsConnect.open(NatsTestServer.URL, "x", metrics,
                new BusAuth(null, notCreds, null, null, false, null, null))).hasMessageContaining("does not hold a user nkey seed");
    }

    /** A nats-server with {@code config} on a free loopback port; its URL once it accepts connections. */
    private String start(String config) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path conf = Files.writeString(dir.resolve("auth.conf"), "listen: 127.0.0.1:" + port + "\n" + config);
        server = new ProcessBuilder(NATS_SERVER.toString(), "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("nats.log").toFile()).start();
        int p = port;
        Await.until(Duration.ofSeconds(10), "nats-server to listen on " + port, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", p), 200);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        return "nats://127.0.0.1:" + port;
    }
}
