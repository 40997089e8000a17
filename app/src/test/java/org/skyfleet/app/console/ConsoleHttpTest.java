package org.skyfleet.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.control.Operator.Role;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.server.auth.TokenAuthority;

/** The console's HTTP side on a running server: files, sign-in, roles, the JSON bridge and the socket's sign-in. */
class ConsoleHttpTest {
    private static SkyfleetServer server;
    private static TokenAuthority tokens;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        tokens = new TokenAuthority(key, InstantSource.system());
        // named callers trusted, as in the demo: the console still needs a token
        server = SkyfleetServer.start(ServerConfig.ephemeral().withTokens(tokens, false), InstantSource.system());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String token(Role role) {
        return tokens.issue("sam", role, Duration.ofMinutes(10));
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A raw request line, so the path reaches the server exactly as written, dots and all. */
    private static String rawStatusLine(String path) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.httpPort())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return response.substring(0, response.indexOf("\r\n"));
        }
    }

    @Test
    void thePageLeafletAndTheSettingsAreServedWithoutSignInAndTheRootRedirects() throws Exception {
        HttpResponse<String> root = send("GET", "/", null, null);
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("location")).hasValue("/console/");
        HttpResponse<String> page = send("GET", "/console/", null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(send("GET", "/webjars/leaflet/leaflet.js", null, null).headers().firstValue("content-type"))
                .hasValue("text/javascript; charset=utf-8");
        assertThat(send("GET", ConsoleRoutes.SETTINGS, null, null).body()).contains("\"tilesUrl\":null");
        assertThat(send("GET", "/metrics", null, null).statusCode()).as("the old routes still answer").isEqualTo(200);
    }

    @Test
    void pathsThatClimbOutOfTheConsoleAre404() throws Exception {
        assertThat(rawStatusLine("/console/../../org/skyfleet/server/ServerConfig.class")).endsWith("404 Not Found");
        assertThat(rawStatusLine("/webjars/leaflet/../../../../META-INF/MANIFEST.MF")).endsWith("404 Not Found");
        assertThat(rawStatusLine("/console/%2e%2e/%2e%2e/pom.xml")).endsWith("404 Not Found");
        assertThat(rawStatusLine("/console/app.js")).endsWith("200 OK");
    }

    @Test
    void signInNeedsAValidTokenEvenWhereGrpcTrustsNamedCallers() throws Exception {
        assertThat(send("GET", ConsoleRoutes.WHOAMI, null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", ConsoleRoutes.WHOAMI, "sf1.bad.token", null).statusCode()).isEqualTo(401);
        HttpResponse<String> me = send("GET", ConsoleRoutes.WHOAMI, token(Role.COMMANDER), null);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).isEqualTo("{\"subject\":\"sam\",\"role\":\"commander\"}");
    }

    @Test
    void acknowledgingAnAlertNeedsACommandingRoleAndIsAudited() throws Exception {
        long id = server.console().alerts().raise(java.time.Instant.now(), "LOW_BATTERY", "WARNING", "mav-14550-9",
                "battery 24 %", Double.NaN, Double.NaN).id();
        String path = "/api/v1/console/alerts/" + id + "/ack";

        assertThat(send("POST", path, null, "{}").statusCode()).isEqualTo(401);
        HttpResponse<String> officer = send("POST", path, token(Role.OFFICER), "{}");
        assertThat(officer.statusCode()).isEqualTo(403);
        assertThat(officer.body()).contains("may not acknowledge alert " + id);
        assertThat(send("POST", "/api/v1/console/alerts/999999/ack", token(Role.COMMANDER), "{}").statusCode()).isEqualTo(404);
        HttpResponse<String> ack = send("POST", path, token(Role.COMMANDER), "{}");
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.body()).contains("\"ackedBy\":\"sam (commander)\"");

        server.refusals().flush(true); // refusals are journaled by the minute: write this one now
        assertThat(server.audit().entries()).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("refused calls");
            assertThat(e.result()).isEqualTo("PERMISSION_DENIED");
            assertThat(e.detail()).startsWith("1 from 127.0.0.1").contains("console: acknowledge alert");
        }).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("acknowledged alert");
            assertThat(e.vehicleId()).isEqualTo("mav-14550-9");
        });
    }

    @Test
    void theJsonBridgeCallsGrpcWithTheCallersTokenAndMapsItsRefusals() throws Exception {
        String list = "/api/v1/rpc/skyfleet.v1.FleetService/ListVehicles";
        assertThat(send("POST", list, null, "{}").statusCode()).isEqualTo(401);
        assertThat(send("POST", list, token(Role.OFFICER), "{}").statusCode()).isEqualTo(403); // not the fleet
        HttpResponse<String> vehicles = send("POST", list, token(Role.DISPATCHER), "{}");
        assertThat(vehicles.statusCode()).isEqualTo(200);
        assertThat(vehicles.body()).startsWith("{\"vehicles\":[],\"as_of\":\"");

        HttpResponse<String> approve = send("POST", "/api/v1/rpc/skyfleet.v1.IncidentService/ApproveSearch", token(Role.OFFICER),
                "{\"incident_id\":\"inc-1\"}");
        assertThat(approve.statusCode()).as(approve.body()).isEqualTo(403);
        assertThat(approve.body()).contains("permission_denied");
        HttpResponse<String> missing = send("POST", "/api/v1/rpc/skyfleet.v1.IncidentService/ApproveSearch", token(Role.COMMANDER),
                "{\"incident_id\":\"inc-404\"}");
        assertThat(missing.statusCode()).as(missing.body()).isIn(404, 409);

        assertThat(send("POST", "/api/v1/rpc/skyfleet.v1.TelemetryService/StreamEvents", token(Role.ADMIN), "{}").statusCode())
                .as("streams and methods the console does not use stay closed").isEqualTo(404);
        assertThat(send("POST", "/api/v1/rpc/skyfleet.v1.AuditService/ListAuditEntries", token(Role.ADMIN), "{}").statusCode())
                .isEqualTo(404);
        // flying is open to the roles the gRPC role table names, refused by the bridge to the others
        String command = "/api/v1/rpc/skyfleet.v1.FleetService/SendCommand";
        HttpResponse<String> dispatcher = send("POST", command, token(Role.DISPATCHER), "{\"vehicle_id\":\"mav-1\"}");
        assertThat(dispatcher.statusCode()).as(dispatcher.body()).isEqualTo(403);
        assertThat(dispatcher.body()).contains("may not call skyfleet.v1.FleetService/SendCommand").contains("pilot");
        HttpResponse<String> pilot = send("POST", command, token(Role.PILOT), "{\"vehicle_id\":\"mav-1\"}");
        assertThat(pilot.statusCode()).as("past the bridge, the server's own checks: " + pilot.body()).isIn(400, 404, 409);
        HttpResponse<String> bad = send("POST", list, token(Role.ADMIN), "{\"no_such_field\":1}");
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    @Test
    void theLiveSocketRefusesABadTokenWith4401AndGreetsAGoodOne() throws Exception {
        String ws = "ws://127.0.0.1:" + server.httpPort() + Console.LIVE_PATH;
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        HTTP.newWebSocketBuilder().buildAsync(URI.create(ws), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
                closed.complete(code);
                return null;
            }
        }).get(5, TimeUnit.SECONDS).sendText("sf1.forged.x", true);
        assertThat(closed.get(5, TimeUnit.SECONDS)).isEqualTo(4401);

        CompletableFuture<String> first = new CompletableFuture<>();
        WebSocket socket = HTTP.newWebSocketBuilder().buildAsync(URI.create(ws), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket s, CharSequence data, boolean last) {
                first.complete(data.toString());
                return null;
            }
        }).get(5, TimeUnit.SECONDS);
        socket.sendText(token(Role.DISPATCHER), true);
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("{\"t\":\"hello\",\"subject\":\"sam\",\"role\":\"dispatcher\"}");
        socket.abort();
    }
}
