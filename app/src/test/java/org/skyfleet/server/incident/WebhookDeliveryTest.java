package org.skyfleet.server.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.proto.v1.Incident;
import org.skyfleet.proto.v1.IncidentServiceGrpc;
import org.skyfleet.proto.v1.ListIncidentsRequest;
import org.skyfleet.server.automation.AutomationConfig;
import org.skyfleet.server.grpc.CallerInterceptor;

/**
 * The call-taking webhook over real HTTP to a real server: signed deliveries make incidents once; replays,
 * stale or bad signatures and bearer-only calls (outside lab mode) are refused with a body saying why.
 */
class WebhookDeliveryTest {
    private static final String SECRET = "call-taking-secret-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static SkyfleetServer server;
    private static SkyfleetServer lab;
    private static ManagedChannel channel;

    @BeforeAll
    static void start() throws Exception {
        AutomationConfig webhook = AutomationConfig.defaults().withWebhookSecret(SECRET);
        server = SkyfleetServer.start(ServerConfig.ephemeral(), webhook, InstantSource.system());
        lab = SkyfleetServer.start(ServerConfig.ephemeral().withLab(true), webhook, InstantSource.system());
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
    }

    @AfterAll
    static void stop() {
        channel.shutdownNow();
        server.close();
        lab.close();
    }

    private static String call(String externalId) {
        return "{" + (externalId == null ? "" : "\"externalId\":\"" + externalId + "\",")
                + "\"type\":\"INCIDENT_TYPE_SUSPECT\",\"priority\":\"INCIDENT_PRIORITY_P3\","
                + "\"location\":{\"latDeg\":53.39,\"lonDeg\":-1.86}}";
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private static HttpResponse<String> post(SkyfleetServer to, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to.httpPort() + IncidentWebhook.PATH))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> signed(long t, String body) {
        return Map.of(WebhookSignature.HEADER, WebhookSignature.header(SECRET, t, body.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Incident> incidents(String externalId) {
        return IncidentServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("test", "commander")))
                .listIncidents(ListIncidentsRequest.newBuilder().setIncludeClosed(true).build()).getIncidentsList().stream()
                .filter(i -> i.getExternalId().equals(externalId)).toList();
    }

    private static String metrics() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void aSignedDeliveryCreatesAndTheSameDeliveryAgainIsAReplayThatCreatesNothing() throws Exception {
        String body = call("CAD-REPLAY-1");
        Map<String, String> signature = signed(now(), body);
        HttpResponse<String> created = post(server, signature, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> replayed = post(server, signature, body);
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(409);
        assertThat(replayed.body()).contains("\"error\":\"replayed\"").contains("received before");
        assertThat(incidents("CAD-REPLAY-1")).hasSize(1);
        assertThat(metrics()).containsPattern("skyfleet_webhook_refused_total\\{.*reason=\"replay\".*} [1-9]");
    }

    @Test
    void theSameExternalIdSignedAgainIsTheSameIncidentWith200() throws Exception {
        String body = call("CAD-AGAIN-1");
        long t = now();
        HttpResponse<String> first = post(server, signed(t, body), body);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        HttpResponse<String> again = post(server, signed(t - 1, body), body); // a retry, signed afresh
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        String id = incidents("CAD-AGAIN-1").get(0).getIncidentId();
        assertThat(first.body()).contains(id);
        assertThat(again.body()).contains(id);
        assertThat(incidents("CAD-AGAIN-1")).hasSize(1);
    }

    @Test
    void aStaleTimestampIsRefusedWith401SayingSo() throws Exception {
        String body = call("CAD-STALE-1");
        HttpResponse<String> r = post(server, signed(now() - 600, body), body);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("signature timestamp outside the 5-minute tolerance");
        assertThat(post(server, signed(now() + 600, body), body).statusCode()).as("from the future").isEqualTo(401);
        assertThat(incidents("CAD-STALE-1")).isEmpty();
    }

    @Test
    void aBadOrMissingSignatureIsRefusedWith401() throws Exception {
        String body = call("CAD-BAD-1");
        long t = now();
        String wrongSecret = "t=" + t + ",v1=" + WebhookSignature.sign("not-the-secret-0123456789", t,
                body.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> bad = post(server, Map.of(WebhookSignature.HEADER, wrongSecret), body);
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.body()).contains("does not match");
        HttpResponse<String> tampered = post(server, signed(t, body), body.replace("P3", "P1"));
        assertThat(tampered.statusCode()).as("the body changed after signing").isEqualTo(401);
        HttpResponse<String> missing = post(server, Map.of(), body);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).contains("sign the delivery").contains(WebhookSignature.HEADER);
        assertThat(post(server, Map.of(WebhookSignature.HEADER, "v1=abc"), body).statusCode()).isEqualTo(401);
        assertThat(incidents("CAD-BAD-1")).isEmpty();
    }

    @Test
    void aDeliveryWithoutExternalIdIsRefusedWith400() throws Exception {
        String body = call(null);
        HttpResponse<String> r = post(server, signed(now(), body), body);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("externalId is required");
    }

    @Test
    void aBearerSecretAloneIsRefusedOutsideLabModeAndTakenInIt() throws Exception {
        String body = call("CAD-BEARER-1");
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + SECRET);
        HttpResponse<String> refused = post(server, bearer, body);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("sign the delivery").contains("lab mode");
        assertThat(incidents("CAD-BEARER-1")).isEmpty();
        HttpResponse<String> taken = post(lab, bearer, body);
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
        assertThat(post(lab, Map.of("Authorization", "Bearer wrong-secret-0123456789"), call("CAD-BEARER-2")).statusCode())
                .isEqualTo(401);
        assertThat(post(lab, bearer, call(null)).statusCode()).as("lab mode still needs the external id").isEqualTo(400);
    }
}
