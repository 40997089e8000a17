package org.skyfleet.server.auth;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway PKI made with the JDK's keytool: a CA, a server certificate for 127.0.0.1, a client
 * certificate signed by the CA and one that signs itself. PKCS#12 files in {@code dir}, password
 * {@link #PASSWORD}.
 */
final class TestCertificates {
    static final String PASSWORD = "changeit-test";

    final Path trustStore;
    final Path serverStore;
    final Path clientStore;
    final Path strangerStore;

    private final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
        this.trustStore = dir.resolve("trust.p12");
        this.serverStore = dir.resolve("server.p12");
        this.clientStore = dir.resolve("client.p12");
        this.strangerStore = dir.resolve("stranger.p12");
    }

    static TestCertificates issue(Path dir) throws IOException, InterruptedException {
        TestCertificates c = new TestCertificates(dir);
        c.keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=skyfleet-test-ca",
                "-ext", "bc:c", "-validity", "2", "-keystore", "ca.p12");
        c.keytool("-exportcert", "-alias", "ca", "-keystore", "ca.p12", "-rfc", "-file", "ca.pem");
        c.keytool("-importcert", "-alias", "ca", "-file", "ca.pem", "-noprompt", "-keystore", "trust.p12");
        c.signed("server", "CN=localhost", "SAN=ip:127.0.0.1,dns:localhost");
        c.signed("client", "CN=console-1", "EKU=clientAuth");
        c.keytool("-genkeypair", "-alias", "stranger", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=stranger",
                "-validity", "2", "-keystore", "stranger.p12");
        return c;
    }

    MutualTls server() {
        return new MutualTls(serverStore, trustStore, PASSWORD.toCharArray());
    }

    MutualTls client() {
        return new MutualTls(clientStore, trustStore, PASSWORD.toCharArray());
    }

    MutualTls stranger() {
        return new MutualTls(strangerStore, trustStore, PASSWORD.toCharArray());
    }

    private void signed(String name, String dname, String ext) throws IOException, InterruptedException {
        String store = name + ".p12";
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", dname, "-validity", "2",
                "-keystore", store);
        keytool("-certreq", "-alias", name, "-keystore", store, "-file", name + ".csr");
        keytool("-gencert", "-alias", "ca", "-keystore", "ca.p12", "-infile", name + ".csr", "-outfile", name + ".pem", "-rfc",
                "-ext", ext, "-validity", "2");
        keytool("-importcert", "-alias", "ca", "-file", "ca.pem", "-noprompt", "-keystore", store);
        keytool("-importcert", "-alias", name, "-file", name + ".pem", "-keystore", store);
    }

    private void keytool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-storepass", PASSWORD, "-storetype", "PKCS12"));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + out);
        }
    }
}
