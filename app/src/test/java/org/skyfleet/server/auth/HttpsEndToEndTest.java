package org.skyfleet.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;

/**
 * With TLS stores the HTTP port speaks TLS too: a client trusting the fleet's CA gets {@code /healthz} over
 * HTTPS without a certificate of its own (browsers and scrapers have none); plain HTTP to the port fails.
 */
class HttpsEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void healthIsServedOverHttpsAndPlainHttpIsNot() throws Exception {
        TestCertificates pki = TestCertificates.issue(dir);
        try (SkyfleetServer server = SkyfleetServer.start(ServerConfig.ephemeral().withTls(pki.server()), InstantSource.system())) {
            SSLContext trustsTheCa = SSLContext.getInstance("TLS");
            trustsTheCa.init(null, pki.server().trustManagers().getTrustManagers(), null);
            HttpClient https = HttpClient.newBuilder().sslContext(trustsTheCa).connectTimeout(Duration.ofSeconds(5)).build();

            HttpResponse<String> health = https.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + server.httpPort() + "/healthz")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);

            HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/healthz"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        }
    }
}
