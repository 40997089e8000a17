package org.skyfleet.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.geofence.AltitudeBand;
import org.skyfleet.fleet.geofence.BreachPolicy;
import org.skyfleet.fleet.geofence.Zone;
import org.skyfleet.fleet.geofence.ZoneApplicability;
import org.skyfleet.fleet.geofence.ZoneCategory;
import org.skyfleet.fleet.geofence.ZoneKind;
import org.skyfleet.fleet.geofence.ZoneShape;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.proto.v1.ReportSightingRequest;
import org.skyfleet.proto.v1.SightingServiceGrpc;
import org.skyfleet.proto.v1.SightingSource;
import org.skyfleet.proto.v1.TargetClass;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.server.auth.TokenAuthority;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.SimulationConfig;

/**
 * The console in a real headless Chromium against a running server, with simulated PX4 drones and
 * ArduPilot robots speaking MAVLink 2 over UDP: markers appear and move, a drone whose link is cut turns
 * grey, its alert is acknowledged (and audited), a drawn area is planned, shown and approved. Screenshots go to
 * {@code target/console-screenshots/}.
 */
class ConsoleBrowserTest {
    private static final int DRONES = 4;
    private static final int ROBOTS = 2;
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path SHOTS = Path.of("target", "console-screenshots");

    private static SkyfleetServer server;
    private static Simulation sim;
    private static ChromeDriver browser;
    private static String commanderToken;

    @BeforeAll
    static void start() throws Exception {
        browser = HeadlessChromium.start();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        TokenAuthority tokens = new TokenAuthority(key, InstantSource.system());
        commanderToken = tokens.issue("cmdr-kim", Operator.Role.COMMANDER, Duration.ofHours(1));
        // tokens required, so signed links: the simulated fleet signs with keys the server holds too
        org.skyfleet.server.FleetSigningKeys keys = org.skyfleet.server.FleetSigningKeys.forSystems(DRONES + ROBOTS, 7);
        server = SkyfleetServer.start(ServerConfig.ephemeral().withHeartbeatTimeout(Duration.ofMillis(1500))
                .withTokens(tokens, true).withSigningKeys(keys.server()), InstantSource.system());
        InetSocketAddress target = new InetSocketAddress("127.0.0.1", server.mavlinkAddress().getPort());
        sim = Simulation.start(SimulationConfig.around(target, 51.5034, -0.1276, DRONES, ROBOTS, 7).withSigningKeys(keys.vehicles()));
        // a no-fly circle well away from the fleet and the area the test plans over
        server.geofences().save(new Zone("z-concert", "concert", new ZoneShape.Circle(new GeoPoint(51.4990, -0.1420), 80),
                ZoneKind.EXCLUSION, AltitudeBand.relative(0, 300), null, ZoneCategory.CROWD_EVENT, ZoneApplicability.all(),
                BreachPolicy.WARN));
        // names come from outside (an admin, a CAD system's incident text): shown as text, never run
        server.geofences().save(new Zone("z-hostile", "<img src=x onerror=\"window.__injected=1\">", new ZoneShape.Circle(
                new GeoPoint(51.4980, -0.1440), 40), ZoneKind.EXCLUSION, AltitudeBand.relative(0, 300), null,
                ZoneCategory.TEMPORARY_RESTRICTION, ZoneApplicability.all(), BreachPolicy.WARN));
        Files.createDirectories(SHOTS);
    }

    /** Sightings reported over gRPC with the commander's token, a few metres apart, as an officer would call them in. */
    private static void reportSightings(int n) {
        ManagedChannel channel = NettyChannelBuilder
                .forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
        try {
            Metadata bearer = new Metadata();
            bearer.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + commanderToken);
            var sightings = SightingServiceGrpc.newBlockingStub(channel)
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(bearer));
            for (int i = 0; i < n; i++) {
                sightings.reportSighting(ReportSightingRequest.newBuilder().setSightingId("seen-" + i)
                        .setSource(SightingSource.SIGHTING_SOURCE_OFFICER).setSourceId("pc-101")
                        .setPosition(org.skyfleet.proto.v1.GeoPoint.newBuilder().setLatDeg(51.5060 + i * 3e-5).setLonDeg(-0.1300))
                        .setSigmaM(8).setTargetClass(TargetClass.TARGET_CLASS_PERSON).setConfidence(0.95).build());
            }
        } finally {
            channel.shutdownNow();
        }
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (sim != null) {
            sim.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aCommanderWatchesTheFleetLiveAcknowledgesALostLinkAndPlansAnArea() throws Exception {
        browser.get("http://127.0.0.1:" + server.httpPort() + "/console/#token=" + commanderToken);
        waitFor("every vehicle drawn on the map", () -> drawnVehicles() == DRONES + ROBOTS);
        assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("cmdr-kim (commander)");
        waitFor("the no-fly zones drawn", () -> ((Number) js("let n = 0; window.skyfleet.overlays.layers.zones.eachLayer(() => n++);"
                + "return {n: n};").get("n")).intValue() == 2);
        Map<String, Object> tooltips = js("window.skyfleet.overlays.layers.zones.eachLayer(l => l.openTooltip && l.openTooltip());"
                + "return {injected: !!window.__injected, text: [...document.querySelectorAll('.leaflet-tooltip')]"
                + ".map(t => t.textContent).join('|')};");
        assertThat(tooltips.get("text")).as("a zone's name is shown as text").asString().contains("<img src=x");
        assertThat(tooltips.get("injected")).as("and never run").isEqualTo(false);
        js("window.skyfleet.overlays.layers.zones.eachLayer(l => l.closeTooltip && l.closeTooltip()); return {};");

        // Three sightings of a person: the track is drawn with each sighting where it was seen.
        reportSightings(3);
        waitFor("the track drawn with the sightings behind it", () -> ((Number) js("let n = 0;"
                + "window.skyfleet.overlays.layers.tracks.eachLayer(l => { if (l.options && l.options.className === 'sighting') n++; });"
                + "return {n: n};").get("n")).intValue() == 3);
        assertThat(browser.getCurrentUrl()).as("the token leaves the address bar").doesNotContain("token");

        String drone = vehicleIdOf("drone-1");
        Map<String, Object> before = vehicle(drone);
        waitFor(drone + " to move on the map", () -> {
            Map<String, Object> now = vehicle(drone);
            return Math.hypot(number(now, "x") - number(before, "x"), number(now, "y") - number(before, "y")) >= 2;
        });
        shot("1-live-fleet");

        String lost = vehicleIdOf("drone-2");
        sim.setLinkUp("drone-2", false);
        waitFor(lost + " drawn grey", () -> "LOST".equals(vehicle(lost).get("link")) && "#7b8794".equals(vehicle(lost).get("colour")));
        assertThat(pixel(lost)).as("the pixel under the marker is the lost grey").containsExactly(123L, 135L, 148L, 255L);
        // read in one step in the page: the list is redrawn every second, so an element found first may be gone by the next call
        waitFor(lost + " struck out in the vehicle list (refreshed once a second)", () -> "lost".equals(
                ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                        "const e = document.querySelector(arguments[0]); return e ? e.className : null;",
                        "#vehicleList li[data-vehicle-id='" + lost + "']")));

        By alert = By.cssSelector("#alerts li.open[data-kind='LINK_LOST'][data-subject='" + lost + "']");
        waitFor("a LINK_LOST alert for " + lost, () -> !browser.findElements(alert).isEmpty());
        shot("2-link-lost-alert");
        String alertId = browser.findElement(alert).getAttribute("data-alert-id");
        browser.findElement(alert).findElement(By.cssSelector("button.ack")).click();
        By acked = By.cssSelector("#alerts li.acked[data-alert-id='" + alertId + "']");
        waitFor("the alert shown acknowledged", () -> !browser.findElements(acked).isEmpty());
        assertThat(browser.findElement(acked).getText()).contains("ack cmdr-kim");
        assertThat(server.audit().entries()).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("acknowledged alert");
            assertThat(e.actor()).contains("cmdr-kim");
            assertThat(e.vehicleId()).isEqualTo(lost);
        });

        String planned = vehicleIdOf("drone-3");
        planAnAreaWith(planned);
        shot("3-planned-area");

        clickOn(planned);
        waitFor("the selected drone's details with its approved mission", () -> {
            String details = browser.findElement(By.id("detailsBody")).getText();
            return details.contains(planned) && details.contains("approved") && details.contains("0 of ");
        });
        assertThat(browser.findElement(By.id("detailsBody")).getText()).contains("drone").contains("battery").contains("connected");

        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(errors).as("browser console errors").isEmpty();
    }

    private void planAnAreaWith(String vehicleId) {
        browser.findElement(By.id("draw")).click();
        WebElement map = browser.findElement(By.id("map"));
        // a 600 m square north-east of home, in screen pixels from the map's own projection
        double[][] corners = {{51.5060, -0.1250}, {51.5060, -0.1170}, {51.5100, -0.1170}, {51.5100, -0.1250}};
        for (double[] c : corners) {
            Map<String, Object> p = js("const p = window.skyfleet.map.latLngToContainerPoint([arguments[0], arguments[1]]);"
                    + "return {x: p.x, y: p.y};", c[0], c[1]);
            int dx = (int) Math.round(number(p, "x") - map.getSize().getWidth() / 2.0);
            int dy = (int) Math.round(number(p, "y") - map.getSize().getHeight() / 2.0);
            new Actions(browser).moveToElement(map, dx, dy).click().perform();
        }
        browser.findElement(By.id("finish")).click();
        waitFor(vehicleId + " offered for planning",
                () -> !browser.findElements(By.cssSelector("#planVehicles input[value='" + vehicleId + "']")).isEmpty());
        browser.findElement(By.cssSelector("#planVehicles input[value='" + vehicleId + "']")).click();
        browser.findElement(By.id("plan")).click();
        waitFor("a plan on the map", () -> "1".equals(browser.findElement(By.id("planStatus")).getAttribute("data-planned")));
        String status = browser.findElement(By.id("planStatus")).getText();
        assertThat(status).containsPattern("Plan: [0-9.]+ km, [0-9.]+ min, coverage [0-9]+ %")
                .contains(vehicleId + ": ").containsPattern("battery [0-9]+ → [0-9-]+ %");
        long routePoints = ((Number) js("let n = 0; window.skyfleet.map.eachLayer(l => { if (l.options && l.options.className"
                + " === 'plan-route') n = l.getLatLngs().length; }); return {n: n};").get("n")).longValue();
        assertThat(routePoints).as("waypoints of the planned route drawn").isGreaterThan(4);

        browser.findElement(By.id("approve")).click();
        waitFor("the plan approved as a mission", () -> browser.findElement(By.id("planStatus")).getText().contains("approved: m-"));
        assertThat(server.audit().entries()).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("mission create");
            assertThat(e.actor()).contains("cmdr-kim");
            assertThat(e.vehicleId()).isEqualTo(vehicleId);
        });
    }

    /** Clicks where a vehicle is drawn, as a person would. */
    private void clickOn(String vehicleId) {
        WebElement map = browser.findElement(By.id("map"));
        Map<String, Object> v = vehicle(vehicleId);
        new Actions(browser).moveToElement(map, (int) Math.round(number(v, "x") - map.getSize().getWidth() / 2.0),
                (int) Math.round(number(v, "y") - map.getSize().getHeight() / 2.0)).click().perform();
    }

    private static String vehicleIdOf(String simName) {
        int systemId = sim.vehicle(simName).vehicle().systemId();
        return server.registry().all().stream().filter(s -> s.identity().mavlinkSystemId() == systemId)
                .findFirst().orElseThrow().vehicleId();
    }

    private long drawnVehicles() {
        Object n = ((JavascriptExecutor) browser).executeScript(
                "return window.skyfleet ? window.skyfleet.ids().filter(id => window.skyfleet.vehicle(id).x !== undefined).length : 0;");
        return ((Number) n).longValue();
    }

    private Map<String, Object> vehicle(String id) {
        return js("return window.skyfleet.vehicle(arguments[0]);", id);
    }

    @SuppressWarnings("unchecked")
    private List<Long> pixel(String id) {
        return (List<Long>) vehicle(id).get("pixel");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> js(String script, Object... args) {
        return (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static double number(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    private void waitFor(String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, WAIT).withMessage(what).until(d -> condition.getAsBoolean());
    }

    private static void shot(String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
