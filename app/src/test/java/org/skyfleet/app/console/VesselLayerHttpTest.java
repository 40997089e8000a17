package org.skyfleet.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.fleet.control.Operator.Role;
import org.skyfleet.server.Await;
import org.skyfleet.server.auth.TokenAuthority;
import org.skyfleet.simulator.ais.AisSentenceEncoder;

/** The console's vessel layer: its files in both languages, and the fishing-fleet filter through the JSON bridge. */
class VesselLayerHttpTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static SkyfleetServer server;
    private static TokenAuthority tokens;

    @BeforeAll
    static void start() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        tokens = new TokenAuthority(key, InstantSource.system());
        server = SkyfleetServer.start(ServerConfig.ephemeral().withTokens(tokens, false), InstantSource.system());
        List<String> lines = List.of(AisSentenceEncoder.positionReport(412440001L, 7, 29.95, 122.31, 2.0, 135, 130, 1),
                AisSentenceEncoder.positionReport(413999999L, 0, 29.90, 122.50, 7.0, 45, 44, 2));
        try (DatagramSocket socket = new DatagramSocket()) {
            byte[] b = String.join("\n", lines).getBytes(StandardCharsets.US_ASCII);
            socket.send(new DatagramPacket(b, b.length, server.seaGate().aisUdpAddress()));
        }
        Await.until(Duration.ofSeconds(20), "two vessels heard", () -> server.seaGate().registry().size() == 2);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path))
                .header("Authorization", "Bearer " + tokens.issue("sam", Role.COMMANDER, Duration.ofMinutes(10)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void theFishingFilterReachesVesselServiceThroughTheBridge() throws Exception {
        String path = "/api/v1/rpc/skyfleet.v1.VesselService/ListVessels";
        HttpResponse<String> all = send("POST", path, "{}");
        HttpResponse<String> fishing = send("POST", path, "{\"filter\":{\"fishing_only\":true}}");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).contains("\"mmsi\":\"412440001\"", "\"mmsi\":\"413999999\"");
        assertThat(fishing.body()).contains("\"mmsi\":\"412440001\"").doesNotContain("413999999");
    }

    @Test
    void theLayerAndItsTextsInEnglishAndChineseAreServed() throws Exception {
        assertThat(send("GET", "/console/vessels.js", null).body()).contains("VesselService/ListVessels", "fishing_only");
        assertThat(send("GET", "/console/i18n/en.json", null).body()).contains("\"vessels.fishingOnly\": \"Fishing fleet only\"");
        assertThat(send("GET", "/console/i18n/zh-CN.json", null).body()).contains("\"vessels.fishingOnly\": \"仅显示渔船\"");
    }
}
