package org.skyfleet.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
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
import org.skyfleet.fleet.dispatch.Assignment;
import org.skyfleet.fleet.dispatch.Dispatcher;
import org.skyfleet.fleet.dispatch.EtaMethod;
import org.skyfleet.fleet.dispatch.UnitStatus;
import org.skyfleet.fleet.dispatch.UnitType;
import org.skyfleet.fleet.incident.IncidentPriority;
import org.skyfleet.fleet.incident.IncidentType;
import org.skyfleet.fleet.incident.NewIncident;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.server.auth.TokenAuthority;
import org.skyfleet.server.automation.AutomationConfig;

/**
 * A commander's console in a real headless Chromium shows where dispatch sent whom and how soon: a patrol car sent over
 * the Yong river's roads has its road route drawn on the map (pixels of the route's colour along it) and "by road" with
 * its ETA on the incident; an officer on foot, estimated by the straight line, has no route and the console says the
 * estimate is the straight-line one.
 */
class DispatchRouteBrowserTest {
    private static final double LAT = 29.8717;
    private static final double LON = 121.5547;
    private static final double DLAT = 1 / 111_320.0;
    private static final double DLON = 1 / (111_320.0 * Math.cos(Math.toRadians(LAT)));
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static SkyfleetServer server;
    private static String commanderToken;
    private static Assignment byRoad;
    private static Assignment onFoot;
    private ChromeDriver browser;

    private static GeoPoint at(double eastM, double northM) {
        return new GeoPoint(LAT + northM * DLAT, LON + eastM * DLON);
    }

    @BeforeAll
    static void start() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        TokenAuthority tokens = new TokenAuthority(key, InstantSource.system());
        commanderToken = tokens.issue("zhou", Operator.Role.COMMANDER, Duration.ofHours(1));
        // the north bank's road, the bridge 3 km east, the south bank's road (as GeoJsonRoadsTest's river)
        List<List<GeoPoint>> roads = List.of(List.of(at(-800, 0), at(0, 0), at(3000, 0)), List.of(at(3000, 0), at(3000, -300)),
                List.of(at(0, -300), at(3000, -300)));
        server = SkyfleetServer.start(ServerConfig.ephemeral().withTokens(tokens, true)
                        .withConsoleSite(ConsoleSite.defaults().withHome(new org.skyfleet.fleet.geo.LatLon(LAT, LON))),
                AutomationConfig.defaults().withRoads(roads).withAcknowledgeTimeout(Duration.ofMinutes(10)), InstantSource.system());
        Dispatcher dispatcher = server.records().orElseThrow().dispatcher();
        dispatcher.roster().report("car-south", UnitType.PATROL_CAR, "南岸 1", at(0, -300), 5, UnitStatus.AVAILABLE, null);
        dispatcher.roster().report("car-north", UnitType.PATROL_CAR, "北岸 2", at(-800, 0), 5, UnitStatus.AVAILABLE, null);
        dispatcher.roster().report("foot-7", UnitType.OFFICER_ON_FOOT, "步巡 7", at(0, 2100), 5, UnitStatus.AVAILABLE, null);
        byRoad = dispatch(dispatcher, "110-0001", at(0, 10));
        onFoot = dispatch(dispatcher, "110-0002", at(0, 2000));
        assertThat(byRoad.unitId()).isEqualTo("car-north");
        assertThat(byRoad.etaMethod()).isEqualTo(EtaMethod.ROAD);
        assertThat(onFoot.unitId()).isEqualTo("foot-7");
        assertThat(onFoot.etaMethod()).isEqualTo(EtaMethod.STRAIGHT_LINE);
    }

    private static Assignment dispatch(Dispatcher dispatcher, String callRef, GeoPoint scene) {
        String incident = server.incidents().create(new NewIncident(callRef, IncidentType.SUSPECT, IncidentPriority.P2, scene,
                "man in a red jacket", null, null), "dispatcher").incident().incidentId();
        return dispatcher.dispatch(incident, "trk-" + callRef, scene, "man in a red jacket").orElseThrow();
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
    void theRoadRouteIsDrawnWithItsEtaAndTheStraightLineFallbackIsNamed() {
        browser = HeadlessChromium.start();
        browser.get("http://127.0.0.1:" + server.httpPort() + "/console/#token=" + commanderToken);
        waitFor("the road route drawn", () -> number(js("return {n: window.skyfleet && window.skyfleet.routes"
                + " ? window.skyfleet.routes.drawn.size : -1};"), "n") == 1);
        Map<String, Object> drawn = js("const l = window.skyfleet.routes.drawn.get(arguments[0]);"
                + "return {points: l ? l.getLatLngs().length : 0, onMap: !!l && window.skyfleet.map.hasLayer(l),"
                + " footRoute: window.skyfleet.routes.drawn.has(arguments[1])};", byRoad.assignmentId(), onFoot.assignmentId());
        assertThat(number(drawn, "points")).as("the route's points").isEqualTo(byRoad.route().size());
        assertThat(drawn.get("onMap")).isEqualTo(true);
        assertThat(drawn.get("footRoute")).as("no route for a straight-line estimate").isEqualTo(false);

        // the route is on the screen: halfway along the north bank's road the map's canvas has the route's colour
        js("window.skyfleet.map.setView([arguments[0], arguments[1]], 15, {animate: false}); return {};", LAT, LON);
        GeoPoint half = at(-400, 0);
        waitFor("the route's colour halfway along it", () -> {
            List<?> rgba = (List<?>) js("const l = window.skyfleet.routes.drawn.get(arguments[0]); if (!l) return {rgba: []};"
                    + "const r = l._renderer, p = window.skyfleet.map.latLngToLayerPoint([arguments[1], arguments[2]]).subtract(r._bounds.min);"
                    + "return {rgba: [...r._ctx.getImageData(Math.round(p.x), Math.round(p.y), 1, 1).data]};",
                    byRoad.assignmentId(), half.latDeg(), half.lonDeg()).get("rgba");
            return rgba.size() == 4 && near(rgba, 45, 212, 191);
        });

        // the incidents list says who goes and how soon, by road or by the straight-line fallback
        waitFor("the ETA by road on the first incident", () -> incidentText(byRoad.incidentId()).contains("car-north: ETA 1 min by road (0.8 km route)"));
        waitFor("the straight-line fallback named on the second", () -> incidentText(onFoot.incidentId())
                .contains("foot-7: ETA 1 min, straight-line estimate (0.1 km): no road route"));

        // and the incident's details, with the unit's callsign
        // (clicked in the page: the list is redrawn every two seconds, so a held element goes stale)
        js("document.querySelector(\"#incidents .incident[data-incident-id='\" + arguments[0] + \"'] > div\").click(); return {};",
                byRoad.incidentId());
        waitFor("the incident's details with its unit and ETA", () -> {
            String details = browser.findElement(By.id("detailsBody")).getText();
            return details.contains("北岸 2 · offered") && details.contains("1 min by road (0.8 km route)");
        });
    }

    /** The route's colour (#2dd4bf) at 0.9 opacity over the dark map, give or take. */
    private static boolean near(List<?> rgba, int r, int g, int b) {
        int[] c = rgba.stream().mapToInt(x -> ((Number) x).intValue()).toArray();
        return Math.abs(c[0] - r) < 40 && Math.abs(c[1] - g) < 40 && Math.abs(c[2] - b) < 40 && c[3] > 200;
    }

    private String incidentText(String incidentId) {
        return browser.findElements(By.cssSelector("#incidents .incident[data-incident-id='" + incidentId + "']")).stream()
                .map(e -> e.getText()).findFirst().orElse("");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> js(String script, Object... args) {
        return (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static double number(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    private void waitFor(String what, BooleanSupplier condition) {
        new WebDriverWait(browser, WAIT).withMessage(what).until(d -> condition.getAsBoolean());
    }
}
