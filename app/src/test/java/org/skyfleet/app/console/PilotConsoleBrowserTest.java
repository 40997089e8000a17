package org.skyfleet.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
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
import org.skyfleet.fleet.vehicle.LandedState;
import org.skyfleet.server.Await;
import org.skyfleet.server.auth.TokenAuthority;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.scenario.Scenario;

/**
 * A pilot flies simulated drones from the console in a real headless Chromium, through the JSON bridge and
 * the same RPCs as gRPC: takes the lease, plans and approves a patrol, uploads it, arms, starts, watches the
 * items go by, sends the drone home and sees it land; a dispatcher's browser is refused the same controls
 * with the server's message beside them; a two-drone plan launches at once with one result per drone, one
 * of them refused because another pilot holds its lease. The simulator runs ten times faster than real time.
 */
class PilotConsoleBrowserTest {
    private static final double LAT = 29.8717;
    private static final double LON = 121.5547;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SCENARIO = """
            {"name": "pilot-console", "description": "three drones on the pad in Dongbu Xincheng", "seed": 5,
             "durationS": 3600, "timeScale": 10, "home": {"latDeg": 29.8717, "lonDeg": 121.5547}, "homeAltAmslM": 5,
             "area": [], "night": false, "canopyCover": 0,
             "wind": {"speedMps": 0, "fromDeg": 0, "gustMps": 0},
             "failsafe": {"batteryReturnPercent": 20, "batteryLandPercent": 8, "lostLinkTimeoutS": 30, "fenceAction": "HOLD"},
             "vehicles": [{"name": "a", "type": "MULTICOPTER", "camera": {"preset": "VISUAL", "falsePositivesPerMin": 0}},
                          {"name": "b", "type": "MULTICOPTER", "camera": {"preset": "VISUAL", "falsePositivesPerMin": 0}},
                          {"name": "c", "type": "MULTICOPTER", "camera": {"preset": "VISUAL", "falsePositivesPerMin": 0}}],
             "targets": [], "faults": []}
            """;

    private static SkyfleetServer server;
    private static Simulation sim;
    private static String pilotToken;
    private static String dispatcherToken;
    private static String officerToken;
    private ChromeDriver pilot;
    private ChromeDriver dispatcher;
    private ChromeDriver officer;

    @BeforeAll
    static void start() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        TokenAuthority tokens = new TokenAuthority(key, InstantSource.system());
        pilotToken = tokens.issue("li", Operator.Role.PILOT, Duration.ofHours(1));
        dispatcherToken = tokens.issue("dan", Operator.Role.DISPATCHER, Duration.ofHours(1));
        officerToken = tokens.issue("wu", Operator.Role.OFFICER, Duration.ofHours(1));
        org.skyfleet.server.FleetSigningKeys keys = org.skyfleet.server.FleetSigningKeys.forSystems(3, 24);
        server = SkyfleetServer.start(ServerConfig.ephemeral().withTokens(tokens, true).withSigningKeys(keys.server())
                .withConsoleSite(ConsoleSite.defaults().withHome(new org.skyfleet.fleet.geo.LatLon(LAT, LON))), InstantSource.system());
        sim = Simulation.start(Scenario.parse(SCENARIO).withSigningKeys(keys.vehicles()), new InetSocketAddress("127.0.0.1", server.mavlinkAddress().getPort()));
        Await.until(WAIT, "every drone with a home position",
                () -> server.registry().all().stream().filter(s -> s.home() != null).count() == 3);
    }

    @AfterAll
    static void stop() {
        if (sim != null) {
            sim.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void quit() {
        for (ChromeDriver b : new ChromeDriver[] {pilot, dispatcher, officer}) {
            if (b != null) {
                b.quit();
            }
        }
    }

    private static String idOf(String simName) {
        int systemId = sim.vehicle(simName).vehicle().systemId();
        return server.registry().all().stream().filter(s -> s.identity().mavlinkSystemId() == systemId).findFirst()
                .orElseThrow().vehicleId();
    }

    @Test
    void aPilotFliesAPlannedPatrolFromTheConsoleAndADispatcherAndAnOfficerAreRefusedTheSameControls() {
        String drone = idOf("a");
        pilot = signIn(pilotToken, drone);
        click(pilot, "pilot-take");
        waitFor(pilot, "the lease held by li", () -> field(pilot, "lease").equals("held by pilot li"));

        plan(pilot, List.of(drone), "MISSION_PATTERN_PATROL", new double[][] {{LAT + 0.01, LON}, {LAT + 0.01, LON + 0.01}});
        waitFor(pilot, "the approved mission shown", () -> field(pilot, "mission").contains(": approved, item 0 of"));
        click(pilot, "pilot-upload");
        waitFor(pilot, "uploaded", () -> refusal(pilot, "upload").equals("done") && field(pilot, "mission").contains(": uploaded, item"));
        click(pilot, "pilot-arm");
        waitFor(pilot, "armed", () -> refusal(pilot, "arm").equals("done"));
        click(pilot, "pilot-start");
        waitFor(pilot, "started", () -> refusal(pilot, "start").equals("done"));
        waitFor(pilot, "the items going by", () -> field(pilot, "mission").matches(".*flying, item [1-9]\\d* of \\d+"));
        assertThat(field(pilot, "mode")).contains("armed");
        click(pilot, "pilot-pause");
        waitFor(pilot, "paused", () -> refusal(pilot, "pause").equals("done") && field(pilot, "mission").contains(": paused, item"));

        // the same controls in a dispatcher's browser: refused, with the server's reason beside each
        dispatcher = signIn(dispatcherToken, drone);
        click(dispatcher, "pilot-take");
        click(dispatcher, "pilot-rtl");
        waitFor(dispatcher, "the lease refused", () -> refusal(dispatcher, "take").contains("dan (dispatcher) may not call "
                + "skyfleet.v1.FleetService/AcquireControl"));
        waitFor(dispatcher, "the command refused", () -> refusal(dispatcher, "rtl").contains("may not call skyfleet.v1.FleetService/SendCommand"));
        waitFor(dispatcher, "the lease still the pilot's", () -> field(dispatcher, "lease").equals("held by pilot li"));
        // and in an officer's: the console itself is refused, with the server's reason, so no control is there to press
        officer = HeadlessChromium.start("en-US", 1600, 1000);
        officer.get("http://127.0.0.1:" + server.httpPort() + "/console/#token=" + officerToken);
        waitFor(officer, "the officer refused at sign-in", () -> text(officer, "signinError")
                .equals("403 wu (officer) may not sign in to the console; allowed: pilot, commander, dispatcher, automation, admin"));
        assertThat(((JavascriptExecutor) officer).executeScript("return !!window.skyfleet;")).as("no console started").isEqualTo(false);

        click(pilot, "pilot-rtl");
        waitFor(pilot, "return accepted", () -> refusal(pilot, "rtl").equals("done"));
        pilot.findElement(By.id("pilotReason")).sendKeys("patrol cut short in the test");
        click(pilot, "pilot-abort");
        waitFor(pilot, "aborted", () -> refusal(pilot, "abort").equals("done"));
        waitFor(pilot, "landed at home and disarmed", () -> field(pilot, "mode").endsWith("disarmed")
                && server.registry().find(drone).orElseThrow().status().landedState() == LandedState.ON_GROUND);

        assertThat(server.audit().entries().stream().filter(e -> e.vehicleId() != null && e.vehicleId().equals(drone)
                && e.actor().equals("li (pilot)")).map(e -> e.action().toLowerCase(java.util.Locale.ROOT)).distinct().toList())
                .as("the console's actions journaled with the person as the actor")
                .contains("lease acquire", "command arm", "mission mission_start", "mission paused", "command return_to_launch", "mission aborted");
    }

    @Test
    void aTwoDronePlanLaunchesAtOnceWithAResultPerDrone() {
        String b = idOf("b");
        String c = idOf("c");
        server.leases().acquire(c, new Operator("kim", Operator.Role.PILOT), Duration.ofMinutes(5));
        pilot = signIn(pilotToken, b);
        plan(pilot, List.of(b, c), "MISSION_PATTERN_COVERAGE", new double[][] {
                {LAT - 0.0010, LON - 0.0010}, {LAT - 0.0010, LON + 0.0010}, {LAT - 0.0025, LON + 0.0010}, {LAT - 0.0025, LON - 0.0010}});
        waitFor(pilot, "launch offered", () -> pilot.findElement(By.id("launchPlan")).isEnabled());
        click(pilot, "launchPlan");
        waitFor(pilot, "one line per drone", () -> text(pilot, "launchStatus").contains(b + ": ")
                && text(pilot, "launchStatus").contains(c + ": not launched"));
        String status = text(pilot, "launchStatus");
        assertThat(status).contains(b + ": ").contains("flying").contains("controlled by kim (pilot)");
        waitFor(pilot, "b flying", () -> field(pilot, "mission").contains(": flying, item"));
    }

    private ChromeDriver signIn(String token, String vehicleId) {
        ChromeDriver browser = HeadlessChromium.start("en-US", 1600, 1000);
        browser.get("http://127.0.0.1:" + server.httpPort() + "/console/#token=" + token);
        // the list is drawn afresh every second: found and clicked in one step
        waitFor(browser, "the vehicle listed and picked", () -> Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
                "const li = document.querySelector(`#vehicleList li[data-vehicle-id='${arguments[0]}']`);"
                        + "if (li) li.click(); return !!li;", vehicleId)));
        waitFor(browser, "the vehicle in the pilot panel", () -> field(browser, "vehicle").equals(vehicleId));
        return browser;
    }

    /** Draws the shape through the planner, ticks the vehicles, plans and approves in the page. */
    private void plan(ChromeDriver browser, List<String> vehicles, String pattern, double[][] points) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById('pattern').value = arguments[0];"
                + "const p = window.skyfleet.planner; p.clear(); p.start();"
                + "for (const [a, b] of arguments[1]) p.add(L.latLng(a, b)); p.finish();", pattern, List.of(points));
        // ticked in one step each time, until all are: the boxes are redrawn when a vehicle's link comes and goes
        waitFor(browser, "the vehicles offered and ticked", () -> Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
                "return arguments[0].every(v => { const i = document.querySelector(`#planVehicles input[value='${v}']`);"
                        + " if (i && !i.checked) i.click(); return !!i && i.checked; });", vehicles)));
        click(browser, "plan");
        waitFor(browser, "a route per vehicle", () -> String.valueOf(vehicles.size()).equals(
                browser.findElement(By.id("planStatus")).getAttribute("data-planned")));
        click(browser, "approve");
        waitFor(browser, "approved", () -> browser.findElement(By.id("launchPlan")).isEnabled());
    }

    private static void click(ChromeDriver browser, String id) {
        browser.findElement(By.id(id)).click();
    }

    private static String text(ChromeDriver browser, String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static String refusal(ChromeDriver browser, String control) {
        return text(browser, "pilot-" + control + "-refusal");
    }

    private static String field(ChromeDriver browser, String name) {
        // the status is drawn afresh every second: read in one step
        return String.valueOf(((JavascriptExecutor) browser).executeScript(
                "const dd = document.querySelector(`#pilotStatus dd[data-field='${arguments[0]}']`); return dd ? dd.textContent : '';",
                name));
    }

    private static void waitFor(ChromeDriver browser, String what, BooleanSupplier condition) {
        new WebDriverWait(browser, WAIT).withMessage(() -> what + "; the pilot panel read: " + text(browser, "pilotBody")
                + "; launch: " + text(browser, "launchStatus") + "; plan: " + text(browser, "planStatus")).until(d -> condition.getAsBoolean());
    }
}
