package org.skyfleet.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.incident.IncidentPriority;
import org.skyfleet.fleet.incident.IncidentType;
import org.skyfleet.fleet.incident.NewIncident;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.proto.v1.DispatchServiceGrpc;
import org.skyfleet.proto.v1.ReportUnitPositionsResponse;
import org.skyfleet.proto.v1.UnitPositionReport;
import org.skyfleet.proto.v1.UnitStatus;
import org.skyfleet.proto.v1.UnitType;
import org.skyfleet.server.auth.TokenAuthority;
import org.skyfleet.server.geofence.GeofenceGeoJson;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.SimulationConfig;

/**
 * The City Gates panel and the wall in a real headless Chromium, over the Dongbu Xincheng map package and the
 * demo's gates (scenarios/gates): an officer's phone reports its unit walking into a residential community's
 * gate over gRPC, and the panel's counter and latest crossings show it, in Chinese, then in English; the wall
 * at 1920x1080 and 3840x2160 shows the live counts in four panels that fit the screen, in text that doubles
 * with the screen. Screenshots go to {@code target/console-screenshots/}.
 */
class GatesAndWallBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(25);
    private static final Path SHOTS = Path.of("target", "console-screenshots");
    private static final String COMMUNITY = "gate-dbxc-community";
    /** Just south of the community's gate, then inside it (scenarios/gates/ningbo-gates.geojson: 29.8740..29.8752 N). */
    private static final GeoPoint OUTSIDE = new GeoPoint(29.8735, 121.5617);
    private static final GeoPoint INSIDE = new GeoPoint(29.8746, 121.5617);

    private static SkyfleetServer server;
    private static Simulation sim;
    private static String commanderToken;
    private static String officerToken;
    private static ManagedChannel channel;
    private ChromeDriver browser;

    @org.junit.jupiter.api.io.TempDir
    static Path tiles;

    @BeforeAll
    static void start() throws Exception {
        org.skyfleet.app.tiles.FeatureTileRenderer.of(Path.of("..", "scenarios", "maps", "ningbo-dongbu-xincheng.geojson"))
                .render(tiles.resolve("ningbo-dongbu-xincheng.mbtiles"), "宁波 东部新城", 15, 16, "SkyFleet");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        TokenAuthority tokens = new TokenAuthority(key, InstantSource.system());
        commanderToken = tokens.issue("li-na", Operator.Role.COMMANDER, Duration.ofHours(1));
        officerToken = tokens.issue("officer-7", Operator.Role.OFFICER, Duration.ofHours(1));
        org.skyfleet.server.FleetSigningKeys keys = org.skyfleet.server.FleetSigningKeys.forSystems(3, 11);
        server = SkyfleetServer.start(ServerConfig.ephemeral().withTokens(tokens, true).withSigningKeys(keys.server())
                .withConsoleSite(ConsoleSite.defaults().withTimeZone(ZoneId.of("Asia/Shanghai")).withTilePackages(tiles)
                        .withHome(new org.skyfleet.fleet.geo.LatLon(29.8745, 121.5585))), InstantSource.system());
        server.geofences().saveAll(GeofenceGeoJson.parse(Files.readString(Path.of("..", "scenarios", "gates", "ningbo-gates.geojson"),
                StandardCharsets.UTF_8)));
        sim = Simulation.start(SimulationConfig.around(new InetSocketAddress("127.0.0.1", server.mavlinkAddress().getPort()),
                29.8745, 121.5585, 2, 1, 11).withSigningKeys(keys.vehicles()));
        server.incidents().create(new NewIncident("110-20261207-0107", IncidentType.SUSPECT, IncidentPriority.P2,
                new GeoPoint(29.8760, 121.5600), "", null, null), "dispatcher");
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        if (channel != null) {
            channel.shutdownNow();
        }
        if (sim != null) {
            sim.close();
        }
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
    void anOfficerWalkingIntoACommunitysGateCountsOnThePanelInChineseAndInEnglish() throws Exception {
        browser = HeadlessChromium.start("zh-CN", 1920, 1080);
        browser.get("http://127.0.0.1:" + server.httpPort() + "/console/#token=" + commanderToken);
        waitFor("the six demo gates in the panel", () -> browser.findElements(By.cssSelector("#gates tr[data-gate-id]")).size() == 6);
        waitFor("the map package's tiles under the gates", () -> number(js("return {n: [...document.querySelectorAll("
                + "'.basemap img.leaflet-tile-loaded')].filter(i => i.naturalWidth === 256).length};"), "n") >= 4);
        assertThat(text("gatesPanel")).contains("城市之门").contains("东部新城 住宅小区（住宅小区）").contains("宁波东 高速收费站（高速收费站）");
        assertThat(browser.findElements(By.cssSelector(".gate-label"))).as("every gate labelled on the map, no hover needed").hasSize(6);
        double before = communityHourIn();

        report(OUTSIDE);
        long samples = server.gates().samples();
        waitFor("the unit sampled outside the gate", () -> server.gates().samples() >= samples + 2);
        report(INSIDE);
        waitFor("the community's counter up by one", () -> communityHourIn() == before + 1);
        waitFor("the crossing in the panel's latest, in Chinese", () -> text("gates").contains("地面警力 officer-7 进入 东部新城 住宅小区"));
        assertThat(browser.findElement(By.cssSelector("#gates tr[data-gate-id='" + COMMUNITY + "']")).getText())
                .contains("进 " + (long) (before + 1));
        assertThat(browser.findElement(By.cssSelector(".gate-label[data-gate-id='" + COMMUNITY + "']")).getText())
                .contains("进 " + (long) (before + 1));
        shot("zh-CN-gates");

        new Select(browser.findElement(By.id("language"))).selectByValue("en");
        waitFor("the panel in English", () -> text("gatesPanel").toLowerCase(java.util.Locale.ROOT).contains("city gates")
                && text("gates").contains("ground unit officer-7 entered 东部新城 住宅小区"));
        assertThat(text("gatesPanel")).contains("(toll station)").contains("in " + (long) (before + 1));
        shot("en-gates");
        assertNoBrowserErrors();
    }

    @Test
    void theWallShowsTheLiveCountsAt1080pAnd4kInChinese() throws Exception {
        report(INSIDE); // at least one unit on duty
        browser = HeadlessChromium.start("zh-CN", 1920, 1080);
        for (int[] size : new int[][] {{1920, 1080}, {3840, 2160}}) {
            // one browser for both sizes: the window resized and the wall loaded afresh at its size
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(size[0], size[1]));
            browser.get("http://127.0.0.1:" + server.httpPort() + "/console/?wall=1#token=" + commanderToken);
            waitFor("the wall's live counts", () -> count("airborne").endsWith("/2"));
            waitFor("units, robots and incidents counted", () -> count("unitsOnDuty").equals("1") && count("robotsOnDuty").equals("1")
                    && count("openIncidents").equals("1"));
            waitFor("the gates on the situation panel", () -> number(js("return {n: document.querySelectorAll("
                    + "'#wallSituation li[data-gate-id]').length};"), "n") == 6);
            waitFor("the density layer drawn", () -> number(js("return {n: window.skyfleet.wall.densityCells || 0};"), "n") >= 1);
            String all = String.valueOf(js("return {text: document.getElementById('wall').innerText};").get("text"));
            assertThat(all).contains("警力").contains("警情").contains("处置").contains("态势").contains("在岗警力").contains("城市之门");
            Map<String, Object> layout = js("const r = (id) => document.getElementById(id).getBoundingClientRect();"
                    + "const inside = ['wallForce', 'wallIncidents', 'wallHandling', 'wallSituation', 'wallMap'].every(id => {"
                    + "  const b = r(id); return b.left >= 0 && b.top >= 0 && b.right <= innerWidth && b.bottom <= innerHeight && b.width > 0; });"
                    + "return {width: innerWidth, font: parseFloat(getComputedStyle(document.documentElement).fontSize), inside,"
                    + "  mapWidth: r('wallMap').width, figure: parseFloat(getComputedStyle(document.querySelector('.wall-figure b')).fontSize),"
                    + "  scrollable: document.documentElement.scrollHeight > innerHeight};");
            assertThat(layout.get("inside")).as("every panel on the screen").isEqualTo(true);
            assertThat(layout.get("scrollable")).as("nothing below the fold").isEqualTo(false);
            assertThat(number(layout, "width")).as("the viewport's width").isEqualTo(size[0]);
            assertThat(number(layout, "font")).as("root font, px").isCloseTo(size[0] / 120.0, org.assertj.core.data.Offset.offset(0.5));
            assertThat(number(layout, "figure")).as("a big number readable across the room, px").isGreaterThanOrEqualTo(size[0] / 50.0);
            assertThat(number(layout, "mapWidth")).as("the map takes the middle of the wall").isGreaterThan(size[0] * 0.5);
            shot("wall-" + size[1]);
            assertNoBrowserErrors();
        }
    }

    /** A wall figure's text, read in one step (the panels are redrawn every second). */
    private String count(String name) {
        return String.valueOf(js("const e = document.querySelector(`[data-count='${arguments[0]}']`);"
                + "return {text: e ? e.textContent : ''};", name).get("text"));
    }

    private double communityHourIn() {
        Map<String, Object> m = js("const c = window.skyfleet && window.skyfleet.gates.counts()[arguments[0]];"
                + "return {n: c ? c.hourIn : -1};", COMMUNITY);
        return number(m, "n");
    }

    /** The officer's phone reports its unit at a point, over gRPC with its own token. */
    private static void report(GeoPoint p) throws Exception {
        Metadata m = new Metadata();
        m.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + officerToken);
        java.util.concurrent.CompletableFuture<ReportUnitPositionsResponse> answer = new java.util.concurrent.CompletableFuture<>();
        StreamObserver<UnitPositionReport> stream = DispatchServiceGrpc.newStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(m))
                .reportUnitPositions(new StreamObserver<>() {
                    @Override
                    public void onNext(ReportUnitPositionsResponse r) {
                        answer.complete(r);
                    }

                    @Override
                    public void onError(Throwable t) {
                        answer.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        stream.onNext(UnitPositionReport.newBuilder().setUnitId("officer-7").setUnitType(UnitType.UNIT_TYPE_OFFICER_ON_FOOT)
                .setCallsign("东部 17").setStatus(UnitStatus.UNIT_STATUS_AVAILABLE)
                .setPosition(org.skyfleet.proto.v1.GeoPoint.newBuilder().setLatDeg(p.latDeg()).setLonDeg(p.lonDeg())).build());
        stream.onCompleted();
        assertThat(answer.get(10, java.util.concurrent.TimeUnit.SECONDS).getAccepted()).isEqualTo(1);
    }

    private void assertNoBrowserErrors() {
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(errors).as("browser console errors").isEmpty();
    }

    String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> js(String script, Object... args) {
        return (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(script, args);
    }

    static double number(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    void waitFor(String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, WAIT).withMessage(what).until(d -> condition.getAsBoolean());
    }

    void shot(String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
