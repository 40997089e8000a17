package org.skyfleet.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.fleet.control.Operator.Role;
import org.skyfleet.server.auth.TokenAuthority;

/**
 * What the HTTP port does with clients that do not play by the rules, on a running server with short
 * limits (a 1 s head deadline, 2 s idle, 1 s to sign in on the live feed). Each test waits for the
 * server to act (an answer, an end of stream, a close frame) within a generous bound, never on a stopwatch.
 */
class HostileHttpTest {
    private static final HttpLimits LIMITS = new HttpLimits(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1));
    /** Far above every limit: a server that never acts fails the test instead of hanging it. */
    private static final int BOUND_MILLIS = 15_000;
    private static final String LIVE = "/api/v1/console/live";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static SkyfleetServer server;
    private static TokenAuthority tokens;

    @BeforeAll
    static void start() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        tokens = new TokenAuthority(key, InstantSource.system());
        server = SkyfleetServer.start(ServerConfig.ephemeral().withTokens(tokens, false).withHttpLimits(LIMITS)
                .withConsoleTiles("https://{s}.tile.example.org/{z}/{x}/{y}.png"), InstantSource.system());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Sends {@code request} raw and returns everything the server sends until it ends the stream. */
    private static String untilServerCloses(Socket socket, String request) throws IOException {
        socket.setSoTimeout(BOUND_MILLIS);
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return readToEnd(socket.getInputStream());
    }

    private static String readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                got.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server did not close the connection within " + BOUND_MILLIS + " ms; got: " + got, e);
        }
        return got.toString(StandardCharsets.ISO_8859_1);
    }

    private static Socket connect() throws IOException {
        return new Socket("127.0.0.1", server.httpPort());
    }

    @Test
    void halfSentRequestHeadsAreAnswered408AndClosed() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                Socket s = connect();
                s.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                sockets.add(s);
            }
            for (Socket s : sockets) {
                assertThat(untilServerCloses(s, "a")).startsWith("HTTP/1.1 408 ").contains("connection: close");
            }
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    @Test
    void aConnectionThatSendsNothingIsClosedWithoutAnAnswer() throws Exception {
        try (Socket s = connect()) {
            assertThat(untilServerCloses(s, "")).isEmpty();
        }
    }

    @Test
    void aKeptAliveConnectionIsAnsweredThenClosedQuietlyWhenNoFurtherRequestComes() throws Exception {
        try (Socket s = connect()) {
            String all = untilServerCloses(s, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(all).startsWith("HTTP/1.1 200 ").endsWith("ok\n").doesNotContain("408");
        }
    }

    @Test
    void aHundredKilobyteHeaderIsAnswered431AndClosedNeverRouted() throws Exception {
        try (Socket s = connect()) {
            String response = untilServerCloses(s, "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(100 * 1024) + "\r\n\r\n");
            assertThat(response).startsWith("HTTP/1.1 431 ").contains("connection: close").doesNotContain("ok\n");
        }
    }

    @Test
    void aRequestLineOverTheLimitIsAnswered414AndClosed() throws Exception {
        try (Socket s = connect()) {
            String response = untilServerCloses(s, "GET /healthz?" + "a".repeat(8 * 1024) + " HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(response).startsWith("HTTP/1.1 414 ");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
        "GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
        "POST /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        "GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n",
    })
    void aRequestTheCodecCannotDecodeIsAnswered400AndClosedNeverRouted(String request) throws Exception {
        try (Socket s = connect()) {
            String response = untilServerCloses(s, request);
            assertThat(response).startsWith("HTTP/1.1 400 ").doesNotContain("ok\n");
        }
    }

    private record Closed(int code, String reason) {
    }

    private static final class Recorder implements WebSocket.Listener {
        final CompletableFuture<Closed> closed = new CompletableFuture<>();
        final CompletableFuture<String> firstText = new CompletableFuture<>();
        final CompletableFuture<Void> pinged = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            firstText.complete(data.toString());
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket socket, ByteBuffer message) {
            pinged.complete(null);
            return WebSocket.Listener.super.onPing(socket, message); // answers with a pong
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
            closed.complete(new Closed(code, reason));
            return null;
        }
    }

    private static WebSocket open(String pathAndQuery, Recorder recorder) throws Exception {
        return HTTP.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + server.httpPort() + pathAndQuery), recorder)
                .get(BOUND_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Test
    void aLiveFeedSocketThatNeverSignsInIsClosedWithPolicyViolationAfterTheDeadline() throws Exception {
        Recorder recorder = new Recorder();
        WebSocket socket = open(LIVE, recorder);

        Closed closed = recorder.closed.get(BOUND_MILLIS, TimeUnit.MILLISECONDS);
        assertThat(closed.code()).isEqualTo(1008);
        assertThat(closed.reason()).contains("not signed in within 1 s");
        socket.abort();
    }

    @Test
    void aTokenInTheLiveFeedUrlIsRefusedEvenAValidOne() throws Exception {
        Recorder recorder = new Recorder();
        WebSocket socket = open(LIVE + "?token=" + tokens.issue("kim", Role.COMMANDER, Duration.ofMinutes(5)), recorder);

        Closed closed = recorder.closed.get(BOUND_MILLIS, TimeUnit.MILLISECONDS);
        assertThat(closed.code()).isEqualTo(1008);
        assertThat(closed.reason()).contains("token in the URL is refused");
        assertThat(recorder.firstText).isNotDone();
        socket.abort();
    }

    @Test
    void aSignedInLiveFeedIsPingedWhenIdleNotClosed() throws Exception {
        Recorder recorder = new Recorder();
        WebSocket socket = open(LIVE, recorder);
        socket.sendText(tokens.issue("kim", Role.COMMANDER, Duration.ofMinutes(5)), true);
        assertThat(recorder.firstText.get(BOUND_MILLIS, TimeUnit.MILLISECONDS)).contains("\"t\":\"hello\"");

        recorder.pinged.get(BOUND_MILLIS, TimeUnit.MILLISECONDS);

        assertThat(recorder.closed).as("past the sign-in deadline, the head deadline and an idle period").isNotDone();
        assertThat(socket.isInputClosed()).isFalse();
        socket.abort();
    }

    @Test
    void consoleAnswersCarryTheSecurityHeadersWithTheTileServerAllowedForImages() throws Exception {
        for (String path : new String[] {"/console/", "/console/app.js", "/console/no-such-file.js", "/api/v1/console/settings"}) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.headers().firstValue("content-security-policy")).as(path).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("default-src 'none'", "script-src 'self';", "style-src 'self';", "connect-src 'self';",
                            "img-src 'self' data: https://*.tile.example.org;", "frame-ancestors 'none'")
                    .doesNotContain("unsafe"));
            assertThat(r.headers().firstValue("x-frame-options")).as(path).hasValue("DENY");
            assertThat(r.headers().firstValue("x-content-type-options")).as(path).hasValue("nosniff");
            assertThat(r.headers().firstValue("referrer-policy")).as(path).hasValue("no-referrer");
        }
    }
}
