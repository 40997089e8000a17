package org.skyfleet.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.incident.IncidentPriority;
import org.skyfleet.fleet.incident.IncidentType;
import org.skyfleet.fleet.incident.NewIncident;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.incident.TimelineKind;
import org.skyfleet.fleet.replay.Replays;
import org.skyfleet.fleet.store.InMemoryStore;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.server.auth.TokenAuthority;
import org.skyfleet.server.automation.AutomationConfig;

/**
 * A commander replays an incident in a real headless Chromium: picks it, loads it, scrubs to a moment and finds
 * the drone and the patrol car drawn where history has them at that moment, with the timeline showing only what
 * had happened by then; played at 60x, the later entries come in. History here is written straight to the
 * store (a drone flying north for 90 s then east, a car driving in), so where everything was is known exactly.
 */
class ReplayBrowserTest {
    private static final double LAT = 29.9853;
    private static final double LON = 122.2072;
    private static final double DEG_PER_M_LAT = 1 / 111_195.0;
    private static final double DEG_PER_M_LON = DEG_PER_M_LAT / Math.cos(Math.toRadians(LAT));
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The incident's report, five minutes ago: everything below happened between it and now. */
    private static final Instant T0 = Instant.now().minusSeconds(300).truncatedTo(ChronoUnit.SECONDS);

    private static SkyfleetServer server;
    private static String commanderToken;
    private static String incidentId;
    private ChromeDriver browser;

    /** The drone flies north at 10 m/s from 10 s to 100 s, then east at 10 m/s to 210 s. */
    private static double[] drone(int s) {
        double north = 10.0 * Math.min(90, Math.max(0, s - 10));
        double east = 10.0 * Math.max(0, s - 100);
        return new double[] {LAT + north * DEG_PER_M_LAT, LON + east * DEG_PER_M_LON};
    }

    /** The patrol car drives south-west to the scene at 5 m/s, reporting every 5 s from 30 s to 150 s. */
    private static double[] car(int s) {
        double back = 5.0 * (150 - s);
        return new double[] {LAT - back * DEG_PER_M_LAT, LON - back * DEG_PER_M_LON};
    }

    @BeforeAll
    static void start() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        TokenAuthority tokens = new TokenAuthority(key, InstantSource.system());
        commanderToken = tokens.issue("chen", Operator.Role.COMMANDER, Duration.ofHours(1));
        InMemoryStore store = new InMemoryStore();
        server = SkyfleetServer.start(ServerConfig.ephemeral().withTokens(tokens, true), AutomationConfig.defaults(), store,
                InstantSource.system());
        incidentId = server.incidents().create(new NewIncident("CAD-REPLAY-1", IncidentType.OTHER, IncidentPriority.P3,
                new GeoPoint(LAT, LON), "smoke seen on the quay", null, T0), "dana (dispatcher)").incident().incidentId();
        server.incidents().record(incidentId, TimelineEntry.of(T0.plusSeconds(20), TimelineKind.DRONE_LAUNCHED, "automation",
                "drone-7 launched").withVehicle("drone-7").withParams("vehicle", "drone-7", "segment", "S-1", "mission", "m-7",
                "minutes", "4"));
        server.incidents().record(incidentId, TimelineEntry.of(T0.plusSeconds(30), TimelineKind.UNIT_ASSIGNED, "automation",
                "car-3 assigned").withUnit("car-3").withParams("unit", "car-3", "track", "t-1", "minutes", "2"));
        server.incidents().record(incidentId, TimelineEntry.of(T0.plusSeconds(200), TimelineKind.DRONE_RETURNED, "automation",
                "drone-7 returned").withVehicle("drone-7").withParams("vehicle", "drone-7"));
        for (int s = 10; s <= 210; s++) {
            double[] p = drone(s);
            store.positions().append("drone-7", T0.plusSeconds(s), p[0], p[1], 60);
        }
        for (int s = 30; s <= 150; s += 5) {
            double[] p = car(s);
            store.positions().append(Replays.unitTrackId("car-3"), T0.plusSeconds(s), p[0], p[1], 0);
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void scrubbingShowsWhereEverythingWasAndOnlyTheTimelineUntilThenAndPlayingMovesOn() {
        browser = HeadlessChromium.start("en-US", 1600, 1000);
        browser.get("http://127.0.0.1:" + server.httpPort() + "/console/#token=" + commanderToken);
        String option = "incident:" + incidentId;
        waitFor("the incident offered for replay", () -> Boolean.TRUE.equals(js(
                "const s = document.getElementById('replaySubject'); window.skyfleet && window.skyfleet.replay.refreshSubjects();"
                        + "return [...s.options].some(o => o.value === arguments[0]);", option)));
        js("document.getElementById('replaySubject').value = arguments[0];", option);
        browser.findElement(By.id("replayLoad")).click();
        waitFor("the replay loaded", () -> text("replayStatus").contains("2 tracks"));
        assertThat(codes()).as("at the start, only what happened at the report").isEmpty();

        // scrub to 60 s after the report, as a person dragging the slider does
        js("const r = document.getElementById('replayScrub'); r.value = '60000'; r.dispatchEvent(new Event('input'));");
        waitFor("the timeline up to 60 s", () -> codes().equals(List.of("DRONE_LAUNCHED", "UNIT_ASSIGNED")));
        assertThat(text("replayTimeline")).contains("drone-7 launched over segment S-1");
        assertDrawnAt("drone-7", drone(60));
        assertDrawnAt("car-3", car(60));

        // further on, past the turn: the drone flying east, the car arrived
        js("const r = document.getElementById('replayScrub'); r.value = '160000'; r.dispatchEvent(new Event('input'));");
        assertDrawnAt("drone-7", drone(160));
        assertDrawnAt("car-3", car(150));
        assertThat(codes()).doesNotContain("DRONE_RETURNED");

        // played at 60x, the drone's return comes in within a few seconds
        js("const s = document.getElementById('replaySpeed'); s.value = '60'; s.dispatchEvent(new Event('change'));");
        browser.findElement(By.id("replayPlay")).click();
        waitFor("the return on the timeline", () -> codes().contains("DRONE_RETURNED"));
        assertThat(((Number) js("return window.skyfleet.replay.nowMs;")).longValue())
                .isGreaterThanOrEqualTo(T0.plusSeconds(200).toEpochMilli());
    }

    /** The subject's marker is where history puts it (within the server's 2 m thinning), and drawn there on the map. */
    private void assertDrawnAt(String id, double[] expected) {
        @SuppressWarnings("unchecked")
        Map<String, Object> drawn = (Map<String, Object>) js("return window.skyfleet.replay.drawnAt(arguments[0]);", id);
        assertThat(drawn).as(id + " drawn").isNotNull();
        double northOffM = (((Number) drawn.get("latDeg")).doubleValue() - expected[0]) / DEG_PER_M_LAT;
        double eastOffM = (((Number) drawn.get("lonDeg")).doubleValue() - expected[1]) / DEG_PER_M_LON;
        assertThat(Math.hypot(northOffM, eastOffM)).as(id + " metres off its recorded position").isLessThan(2.5);
        @SuppressWarnings("unchecked")
        Map<String, Object> pixel = (Map<String, Object>) js("const p = window.skyfleet.map.latLngToContainerPoint("
                + "[arguments[0], arguments[1]]); return { x: p.x, y: p.y };", expected[0], expected[1]);
        assertThat(((Number) drawn.get("x")).doubleValue()).isCloseTo(((Number) pixel.get("x")).doubleValue(),
                org.assertj.core.data.Offset.offset(2.0));
        assertThat(((Number) drawn.get("y")).doubleValue()).isCloseTo(((Number) pixel.get("y")).doubleValue(),
                org.assertj.core.data.Offset.offset(2.0));
        assertThat(((Number) drawn.get("trailPoints")).intValue()).as(id + " trail").isGreaterThanOrEqualTo(2);
    }

    @SuppressWarnings("unchecked")
    private List<String> codes() {
        return (List<String>) js("return [...document.querySelectorAll('#replayTimeline li')].map(li => li.dataset.code);");
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void waitFor(String what, BooleanSupplier condition) {
        new WebDriverWait(browser, WAIT).withMessage(() -> what + "; the replay panel read: " + text("replayPanel"))
                .until(d -> condition.getAsBoolean());
    }
}
