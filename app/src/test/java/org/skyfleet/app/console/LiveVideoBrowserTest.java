package org.skyfleet.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.app.video.DemoVideo;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.server.auth.TokenAuthority;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.SimulationConfig;
import org.skyfleet.simulator.video.TimeCode;
import org.skyfleet.video.stream.StreamState;

/**
 * Live video end to end on the real wire: a simulated drone's camera renders the world, FFmpeg encodes it to
 * H.264 and pushes RTMP to the server as a DJI dock would; the server relays it untranscoded. ffprobe reads
 * the relayed stream over HTTP and finds H.264 at 640x360; a viewer without a token gets 401 and an officer
 * 403, with no video bytes; headless Chromium plays the feed through Media Source Extensions with decoded
 * frames advancing, a picture that is not blank and the burned-in capture time readable; the camera going
 * away shows "no signal" and the feed recovers by itself when it comes back.
 */
class LiveVideoBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static SkyfleetServer server;
    private static Simulation sim;
    private static DemoVideo cameras;
    private static ChromeDriver browser;
    private static String commanderToken;
    private static String officerToken;
    private static String vehicleId;

    @BeforeAll
    static void start() throws Exception {
        org.skyfleet.video.Ffmpeg.require();
        browser = HeadlessChromium.start();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        TokenAuthority tokens = new TokenAuthority(key, InstantSource.system());
        commanderToken = tokens.issue("cmdr-li", Operator.Role.COMMANDER, Duration.ofHours(1));
        officerToken = tokens.issue("pc-101", Operator.Role.OFFICER, Duration.ofHours(1));
        org.skyfleet.server.FleetSigningKeys keys = org.skyfleet.server.FleetSigningKeys.forSystems(1, 11);
        server = SkyfleetServer.start(ServerConfig.ephemeral().withTokens(tokens, true).withSigningKeys(keys.server()),
                InstantSource.system());
        InetSocketAddress target = new InetSocketAddress("127.0.0.1", server.mavlinkAddress().getPort());
        sim = Simulation.start(SimulationConfig.around(target, 29.9447, 122.3090, 1, 0, 11).withSigningKeys(keys.vehicles()));
        cameras = startCameras();
        vehicleId = "mav-" + server.links().get(0).config().linkName() + "-1";
        until("the drone's stream is live on the server", () -> server.video().stream(vehicleId)
                .map(s -> s.status().state() == StreamState.LIVE).orElse(false));
    }

    private static DemoVideo startCameras() throws InterruptedException {
        return DemoVideo.start(sim, server.video(), server.links().get(0).config().linkName(), server.httpPort(), commanderToken);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (cameras != null) {
            cameras.close();
        }
        if (sim != null) {
            sim.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void ffprobeFindsH264AtTheAnnouncedSizeAndStrangersGetNoBytes() throws Exception {
        String url = "http://127.0.0.1:" + server.httpPort() + "/api/v1/video/" + vehicleId + "/live.mp4";
        Process probe = new ProcessBuilder("ffprobe", "-v", "error", "-rw_timeout", "15000000",
                "-headers", "Authorization: Bearer " + commanderToken + "\r\n", "-select_streams", "v:0",
                "-show_entries", "stream=codec_name,width,height", "-of", "csv=p=0", url).redirectErrorStream(true).start();
        String found = new String(probe.getInputStream().readAllBytes()).strip();
        probe.waitFor();
        assertThat(found).isEqualTo("h264,640,360");
        var status = server.video().stream(vehicleId).orElseThrow().status();
        assertThat(List.of(status.codec().substring(0, 4), status.widthPx(), status.heightPx())).containsExactly("avc1", 640, 360);

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> anonymous = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("content-type")).contains("application/json");
        HttpResponse<byte[]> officer = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + officerToken)
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(officer.statusCode()).isEqualTo(403);
        assertThat(new String(officer.body())).doesNotContain("ftyp");
    }

    @Test
    @SuppressWarnings("unchecked")
    void chromiumPlaysTheFeedAndShowsNoSignalUntilItComesBack() throws Exception {
        browser.get("http://127.0.0.1:" + server.httpPort() + "/console/#video=grid&token=" + commanderToken);
        until("the wall decodes frames", () -> frames() > 0);
        long before = frames();
        until("more than 10 more frames decoded (15 fps)", () -> frames() - before > 10);
        Map<String, Object> sample = (Map<String, Object>) browser.executeScript(
                "const s = window.skyfleetVideo.sample(arguments[0]); const read = " + TimeCode.javascriptReader() + ";"
                        + " return { variance: s.variance, capturedMs: read(s.rgba, s.width), nowMs: Date.now() };", vehicleId);
        assertThat(((Number) sample.get("variance")).doubleValue()).as("pixel variance of the picture").isGreaterThan(100);
        long latencyMs = ((Number) sample.get("nowMs")).longValue() - ((Number) sample.get("capturedMs")).longValue();
        System.out.println("glass-to-glass (one sample, headless, under test load): " + latencyMs + " ms");
        assertThat(latencyMs).as("the burned-in capture time reads back").isBetween(-1000L, 30_000L);

        // refusals over the WebSocket: a close code and a reason, no video, and one close frame only
        Object codes = browser.executeAsyncScript("const done = arguments[arguments.length - 1]; const out = [];"
                + " const open = (path, token) => new Promise(r => { const ws = new WebSocket('ws://' + location.host + path);"
                + "   ws.onopen = () => ws.send(token); ws.onclose = e => r(e.code); });"
                + " open('/api/v1/video/' + arguments[0] + '/ws', 'not-a-token').then(c => { out.push(c);"
                + "   return open('/api/v1/video/no-such-drone/ws', arguments[1]); }).then(c => { out.push(c); done(out); });",
                vehicleId, commanderToken);
        assertThat((List<Object>) codes).containsExactly(4401L, 4404L);
        assertThat(browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll())
                .noneMatch(e -> e.getMessage().contains("Close received after close"));

        cameras.close();
        until("no signal shows", () -> (Boolean) player().get("noSignal"));
        cameras = startCameras();
        long resumed = frames();
        until("the feed recovers by itself", () -> !(Boolean) player().get("noSignal") && frames() > resumed + 10);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anIncidentShowsTheLiveFeedsOfItsDrones() throws Exception {
        var book = server.records().orElseThrow().incidents();
        String incident = book.create(new org.skyfleet.fleet.incident.NewIncident("", org.skyfleet.fleet.incident.IncidentType.OTHER,
                org.skyfleet.fleet.incident.IncidentPriority.P2, new org.skyfleet.planner.geo.GeoPoint(29.9447, 122.3090),
                "feeds on the incident", null, java.time.Instant.now()), "dee").incident().incidentId();
        try {
            book.update(incident, i -> i.withSearch(i.search().withAssignments(List.of(
                            new org.skyfleet.fleet.incident.SearchAssignment(vehicleId, "", List.of(), 0, 100)))),
                    org.skyfleet.fleet.incident.TimelineEntry.of(java.time.Instant.now(),
                            org.skyfleet.fleet.incident.TimelineKind.DRONE_LAUNCHED, "dee", vehicleId + " on the incident"));
            browser.get("http://127.0.0.1:" + server.httpPort() + "/console/#token=" + commanderToken);
            until("the incident shows its drone's feed", () -> {
                Object shown = browser.executeScript("const box = [...document.querySelectorAll('#incidents .incident')]"
                        + ".find(e => e.dataset.incidentId === arguments[0]);"
                        + " return !!box && !!box.querySelector('.incident-feeds .video-box video')"
                        + " && (window.skyfleetVideo.incidentFeeds()[arguments[0]] || []).includes(arguments[1]);", incident, vehicleId);
                return Boolean.TRUE.equals(shown);
            });
            until("its feed decodes frames", () -> frames() > 0);
            long before = frames();
            until("and keeps decoding across the panel's redraws (every 2 s)", () -> frames() - before > 45);
        } finally {
            book.close(incident, "test over", "dee");
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> player() {
        List<Map<String, Object>> players = (List<Map<String, Object>>) browser.executeScript(
                "return window.skyfleetVideo ? window.skyfleetVideo.players() : [];");
        return players.stream().filter(p -> vehicleId.equals(p.get("vehicleId"))).findFirst().orElse(Map.of("frames", 0L, "noSignal", true));
    }

    private long frames() {
        return ((Number) player().get("frames")).longValue();
    }

    private static void until(String what, BooleanSupplier condition) throws InterruptedException {
        org.skyfleet.video.Eventually.within(WAIT, what, condition);
    }
}
