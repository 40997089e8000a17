package org.skyfleet.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
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
import org.skyfleet.fleet.airframe.AirframeProfile;
import org.skyfleet.fleet.airframe.AirframeType;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.incident.IncidentPriority;
import org.skyfleet.fleet.incident.IncidentType;
import org.skyfleet.fleet.incident.NewIncident;
import org.skyfleet.fleet.response.ResponseStage;
import org.skyfleet.fleet.response.TimeToScene;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.server.auth.TokenAuthority;
import org.skyfleet.server.response.FirstResponse;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.scenario.Scenario;

/**
 * The commander's first sight of a scene, end to end: a simulated drone at its dock with its camera streaming (FFmpeg,
 * H.264 pushed over RTMP as a DJI dock does), the console open in headless Chromium on the incidents; a 110 traffic
 * call 600 m away launches the drone by the policy, and once it is over the scene the incident shows its live feed
 * playing, decoded frames advancing in a picture that is not blank, with nobody clicking anything. The response's
 * {@code first_video} is the first frame of that feed handed to the console, after {@code on_scene}.
 */
class FirstResponseVideoBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final GeoPoint DOCK = new GeoPoint(29.872, 121.556);

    private static SkyfleetServer server;
    private static Simulation sim;
    private static DemoVideo cameras;
    private static ChromeDriver browser;
    private static String commanderToken;
    private static String vehicleId;

    @BeforeAll
    static void start() throws Exception {
        org.skyfleet.video.Ffmpeg.require();
        browser = HeadlessChromium.start();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        TokenAuthority tokens = new TokenAuthority(key, InstantSource.system());
        commanderToken = tokens.issue("cmdr-wang", Operator.Role.COMMANDER, Duration.ofHours(1));
        org.skyfleet.server.FleetSigningKeys keys = org.skyfleet.server.FleetSigningKeys.forSystems(1, 26);
        server = SkyfleetServer.start(ServerConfig.ephemeral().withTokens(tokens, true).withSigningKeys(keys.server()),
                InstantSource.system());
        Scenario scenario = Scenario.parse("""
                {"name": "dfr-video", "description": "one dock in Dongbu Xincheng", "seed": 26, "durationS": 3600, "timeScale": 10,
                 "home": {"latDeg": %s, "lonDeg": %s}, "homeAltAmslM": 5, "area": [], "night": false, "canopyCover": 0,
                 "wind": {"speedMps": 0, "fromDeg": 0, "gustMps": 0},
                 "failsafe": {"batteryReturnPercent": 15, "batteryLandPercent": 8, "lostLinkTimeoutS": 600, "fenceAction": "HOLD"},
                 "vehicles": [{"name": "dock-1", "type": "MULTICOPTER", "start": {"latDeg": %s, "lonDeg": %s}, "enduranceS": 1500,
                   "maxSpeedMps": 15, "cruiseSpeedMps": 15}],
                 "targets": [], "faults": []}
                """.formatted(DOCK.latDeg(), DOCK.lonDeg(), DOCK.latDeg(), DOCK.lonDeg())).withSigningKeys(keys.vehicles());
        sim = Simulation.start(scenario, new InetSocketAddress("127.0.0.1", server.mavlinkAddress().getPort()));
        String link = server.links().get(0).config().linkName();
        vehicleId = "mav-" + link + "-1";
        cameras = DemoVideo.start(sim, server.video(), link, server.httpPort(), commanderToken);
        until("the drone linked with a position, a battery and a home", () -> server.registry().find(vehicleId)
                .filter(s -> s.position() != null && s.battery() != null && s.home() != null).isPresent());
        until("its stream live on the server", () -> server.video().stream(vehicleId)
                .map(s -> s.status().state() == org.skyfleet.video.stream.StreamState.LIVE).orElse(false));
        // a thermal-camera quadrotor: the night rule lets it fly whatever the hour in Ningbo
        Operator pilot = new Operator("pilot-li", Operator.Role.PILOT);
        server.aircraft().airframes().create(new AirframeProfile("dfr-quad", "DFR quadrotor", AirframeType.MULTICOPTER, 15, 15, 3,
                1500, 12, "zoom and thermal camera", "PX4", 0, 0, 0, 0), pilot);
        server.aircraft().airframes().bind(vehicleId, "dfr-quad", pilot);
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
    void aCallLaunchesADroneAndTheIncidentPlaysItsLiveFeedOnceItIsOnSceneWithoutAClick() throws Exception {
        browser.get("http://127.0.0.1:" + server.httpPort() + "/console/#token=" + commanderToken);
        until("the console is signed in and running", () -> Boolean.TRUE.equals(browser.executeScript(
                "return !!window.skyfleet && !!window.skyfleetVideo;")));
        assertThat(players()).as("no feed open before the call").isEmpty();

        GeoPoint crash = new GeoPoint(DOCK.latDeg(), DOCK.lonDeg() + 600 / (111_320.0 * Math.cos(Math.toRadians(DOCK.latDeg()))));
        var records = server.records().orElseThrow();
        String incident = records.incidents().create(new NewIncident("", IncidentType.TRAFFIC, IncidentPriority.P1, crash,
                "110 call: two cars on Zhongshan Road", null, Instant.now()), "desk-3").incident().incidentId();
        FirstResponse response = records.firstResponse();
        until("the drone on the scene", () -> {
            try {
                return response.state(incident).equals("ON_SCENE");
            } catch (java.util.NoSuchElementException e) {
                return false;
            }
        });
        assertThat(response.timeToScene(incident).vehicleId()).isEqualTo(vehicleId);

        until("the incident shows the drone's live feed", () -> Boolean.TRUE.equals(browser.executeScript(
                "const box = [...document.querySelectorAll('#incidents .incident')].find(e => e.dataset.incidentId === arguments[0]);"
                        + " return !!box && !!box.querySelector('.incident-feeds .video-box video')"
                        + " && (window.skyfleetVideo.incidentFeeds()[arguments[0]] || []).includes(arguments[1]);", incident, vehicleId)));
        until("its feed decodes frames", () -> frames() > 0);
        long before = frames();
        until("and keeps playing (more than 15 more frames at 15 fps)", () -> frames() - before > 15);
        Map<String, Object> playing = player();
        assertThat(playing.get("noSignal")).as("no 'no signal' veil").isEqualTo(false);
        assertThat(((Number) browser.executeScript("const v = [...document.querySelectorAll('.incident-feeds .video-box')]"
                + ".find(b => b.dataset.vehicleId === arguments[0]).querySelector('video');"
                + " const c = document.createElement('canvas'); c.width = v.videoWidth; c.height = v.videoHeight;"
                + " const g = c.getContext('2d'); g.drawImage(v, 0, 0); const d = g.getImageData(0, 0, c.width, c.height).data;"
                + " let s = 0, q = 0; for (let i = 0; i < d.length; i += 4) { const y = (d[i] + d[i+1] + d[i+2]) / 3; s += y; q += y * y; }"
                + " const n = d.length / 4; return q / n - (s / n) * (s / n);", vehicleId)).doubleValue())
                .as("pixel variance of the incident's picture").isGreaterThan(100);

        // first_video: the first frame of this feed handed to a viewer, after the drone was on scene
        until("first video stamped", () -> response.timeToScene(incident).reached(ResponseStage.FIRST_VIDEO));
        TimeToScene clock = response.timeToScene(incident);
        Instant onScene = clock.stages().get(ResponseStage.ON_SCENE);
        Instant firstVideo = clock.stages().get(ResponseStage.FIRST_VIDEO);
        assertThat(firstVideo).isAfterOrEqualTo(onScene).isBefore(Instant.now());
        System.out.println("on scene to the first frame handed to the console: " + Duration.between(onScene, firstVideo).toMillis() + " ms");
        assertThat(records.incidents().get(incident).timeline()).anySatisfy(e -> {
            assertThat(e.code()).isEqualTo("DRONE_RESPONSE_VIDEO");
            assertThat(e.vehicleId()).isEqualTo(vehicleId);
        });
        assertThat(server.meters().scrape()).contains("skyfleet_response_time_to_stage_seconds_count{stage=\"first_video\"}");
        response.release(incident, new Operator("cmdr-wang", Operator.Role.COMMANDER), "test over");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> players() {
        return (List<Map<String, Object>>) browser.executeScript("return window.skyfleetVideo ? window.skyfleetVideo.players() : [];");
    }

    private static Map<String, Object> player() {
        return players().stream().filter(p -> vehicleId.equals(p.get("vehicleId"))).findFirst()
                .orElse(Map.of("frames", 0L, "noSignal", true));
    }

    private static long frames() {
        return ((Number) player().get("frames")).longValue();
    }

    private static void until(String what, BooleanSupplier condition) throws InterruptedException {
        org.skyfleet.video.Eventually.within(WAIT, what, condition);
    }
}
