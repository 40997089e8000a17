package org.skyfleet.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.skyfleet.fleet.geofence.AltitudeBand;
import org.skyfleet.fleet.geofence.BreachPolicy;
import org.skyfleet.fleet.geofence.Zone;
import org.skyfleet.fleet.geofence.ZoneApplicability;
import org.skyfleet.fleet.geofence.ZoneCategory;
import org.skyfleet.fleet.geofence.ZoneKind;
import org.skyfleet.fleet.geofence.ZoneShape;
import org.skyfleet.fleet.incident.IncidentPriority;
import org.skyfleet.fleet.incident.IncidentType;
import org.skyfleet.fleet.incident.NewIncident;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.server.auth.TokenAuthority;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.SimulationConfig;

/**
 * The Ningbo command centre's console in a real headless Chromium, once in a browser whose language is
 * zh-CN and once switched to English: every word on the page comes from the catalogue (no English left on
 * the Chinese page but ids, names and units), an alert and an incident's timeline are rendered from their
 * codes, and times read in Asia/Shanghai. Screenshots go to {@code target/console-screenshots/}.
 */
class CommandCentreBrowserTest {
    /** Dongbu Xincheng, Ningbo (WGS-84). */
    static final double NINGBO_LAT = 29.8717;
    static final double NINGBO_LON = 121.5547;
    private static final Duration WAIT = Duration.ofSeconds(25);
    private static final Path SHOTS = Path.of("target", "console-screenshots");
    /** Latin words a Chinese page may show: the brand, autopilots, units and acronyms are checked apart. */
    private static final Pattern LATIN_WORD = Pattern.compile("(?<![\\w.-])[A-Za-z][a-z]{2,}(?![\\w.-])");

    private static SkyfleetServer server;
    private static Simulation sim;
    private static String commanderToken;
    private ChromeDriver browser;

    @org.junit.jupiter.api.io.TempDir
    static Path tiles;

    @BeforeAll
    static void start() throws Exception {
        // the demo's map package, rendered from the shipped features (two zooms keep the test quick)
        org.skyfleet.app.tiles.FeatureTileRenderer.of(Path.of("..", "scenarios", "maps", "ningbo-dongbu-xincheng.geojson"))
                .render(tiles.resolve("ningbo-dongbu-xincheng.mbtiles"), "宁波 东部新城", 15, 16, "SkyFleet");
        // and the same features as a vector package, which the console draws itself
        org.skyfleet.app.tiles.FeatureVectorTiles.of(org.skyfleet.app.tiles.FeatureTileRenderer.of(
                        Path.of("..", "scenarios", "maps", "ningbo-dongbu-xincheng.geojson")))
                .render(tiles.resolve("ningbo-vector.mbtiles"), "宁波 东部新城 矢量", 15, 16, "SkyFleet");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        TokenAuthority tokens = new TokenAuthority(key, InstantSource.system());
        commanderToken = tokens.issue("zhang-wei", Operator.Role.COMMANDER, Duration.ofHours(1));
        org.skyfleet.server.FleetSigningKeys keys = org.skyfleet.server.FleetSigningKeys.forSystems(3, 11);
        server = SkyfleetServer.start(ServerConfig.ephemeral().withHeartbeatTimeout(Duration.ofMillis(1500))
                .withTokens(tokens, true).withSigningKeys(keys.server())
                .withConsoleSite(ConsoleSite.defaults().withTimeZone(ZoneId.of("Asia/Shanghai")).withTilePackages(tiles)
                        .withHome(new org.skyfleet.fleet.geo.LatLon(NINGBO_LAT, NINGBO_LON))), InstantSource.system());
        InetSocketAddress target = new InetSocketAddress("127.0.0.1", server.mavlinkAddress().getPort());
        sim = Simulation.start(SimulationConfig.around(target, NINGBO_LAT, NINGBO_LON, 2, 1, 11).withSigningKeys(keys.vehicles()));
        server.geofences().save(new Zone("z-cbd", "东部新城核心区", new ZoneShape.Circle(new GeoPoint(NINGBO_LAT + 0.004, NINGBO_LON + 0.006), 150),
                ZoneKind.EXCLUSION, AltitudeBand.relative(0, 300), null, ZoneCategory.CROWD_EVENT, ZoneApplicability.all(),
                BreachPolicy.WARN));
        server.incidents().create(new NewIncident("110-20261207-0042", IncidentType.SUSPECT, IncidentPriority.P2,
                new GeoPoint(NINGBO_LAT - 0.002, NINGBO_LON + 0.003), "", null, null), "dispatcher");
        Files.createDirectories(SHOTS);
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
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aChineseBrowserGetsTheConsoleInChineseAndCanSwitchToEnglish() throws Exception {
        browser = HeadlessChromium.start("zh-CN", 1920, 1080);
        browser.get("http://127.0.0.1:" + server.httpPort() + "/console/#token=" + commanderToken);
        waitFor("the fleet drawn", () -> number(js("return {n: window.skyfleet ? window.skyfleet.ids().length : 0};"), "n") == 3);
        assertThat(js("return {lang: document.documentElement.lang};").get("lang")).isEqualTo("zh-CN");
        assertThat(text("who")).isEqualTo("zhang-wei（指挥员）");
        waitFor("the map package's tiles drawn under the map", () -> number(js("return {n: [...document.querySelectorAll("
                + "'.basemap img.leaflet-tile-loaded')].filter(i => i.naturalWidth === 256).length};"), "n") >= 4);
        waitFor("the incident's timeline", () -> text("incidents").contains("嫌疑人警情上报，优先级 二级"));
        sim.setLinkUp("drone-1", false);
        waitFor("a lost link alerted in Chinese", () -> text("alerts").contains("收不到心跳") && text("alerts").contains("链路丢失"));
        waitFor("the clock in the command centre's zone", () -> text("clock").endsWith("Asia/Shanghai"));
        java.time.LocalTime shanghai = java.time.LocalTime.now(ZoneId.of("Asia/Shanghai"));
        assertThat(text("clock").substring(0, 2)).as("the hour in Shanghai, whatever the machine's zone")
                .isIn(String.format("%02d", shanghai.getHour()), String.format("%02d", shanghai.minusSeconds(5).getHour()));
        assertThat(englishWordsOnThePage()).as("English left on the Chinese page").isEmpty();
        shot("zh-CN-map");

        new Select(browser.findElement(By.id("language"))).selectByValue("en");
        waitFor("the page in English", () -> "en".equals(js("return {lang: document.documentElement.lang};").get("lang"))
                && text("who").equals("zhang-wei (commander)"));
        waitFor("the timeline in English", () -> text("incidents").contains("suspect reported, priority p2"));
        waitFor("the alert in English", () -> text("alerts").contains("no heartbeat"));
        shot("en-map");
        sim.setLinkUp("drone-1", true);

        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(errors).as("browser console errors").isEmpty();
    }

    /**
     * A vector package (Mapbox Vector Tiles made by {@code tiles render --format pbf}) chosen as the basemap is
     * drawn in the browser: canvas tiles in the basemap pane, no images, with the sea, land, buildings and
     * roads in their colours (not a blank map), and no browser error.
     */
    @Test
    void aVectorPackageIsDrawnInTheBrowserFromItsFeatures() throws Exception {
        browser = HeadlessChromium.start("zh-CN", 1280, 800);
        // the address names the basemap, as a wall screen's link does
        browser.get("http://127.0.0.1:" + server.httpPort() + "/console/?basemap=ningbo-vector#token=" + commanderToken);
        waitFor("the console started", () -> Boolean.TRUE.equals(js("return {ok: !!(window.skyfleet && window.skyfleet.map)};").get("ok")));
        js("window.skyfleet.map.setView([arguments[0], arguments[1]], 16); return {};", NINGBO_LAT, NINGBO_LON);
        try {
            waitFor("vector tiles drawn in the basemap pane", () -> number(js("return {n: document.querySelectorAll("
                    + "'.basemap canvas.leaflet-tile-loaded').length};"), "n") >= 4);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no vector tiles; page state " + js("return {chosen: localStorage.getItem('skyfleet.basemap'),"
                    + " canvases: document.querySelectorAll('.basemap canvas').length,"
                    + " loaded: document.querySelectorAll('.basemap canvas.leaflet-tile-loaded').length,"
                    + " images: document.querySelectorAll('.basemap img').length, zoom: window.skyfleet.map.getZoom(),"
                    + " layers: Object.keys(window.skyfleet.map._layers).length, href: location.href,"
                    + " tiles: performance.getEntriesByType('resource').filter(e => e.name.includes('/tiles/'))"
                    + ".map(e => e.name.replace(/.*\\/tiles\\//, '') + ' ' + Math.round(e.duration) + 'ms ' + e.responseStatus).join('; ')};")
                    + "; browser log " + browser.manage().logs().get(LogType.BROWSER).getAll(), e);
        }
        Map<String, Object> drawn = js("const want = {sea: 0x0e2233, land: 0x1c2631, building: 0x2e3b4b, water: 0x12324c, major: 0x5b6b7d};"
                + "const n = {sea: 0, land: 0, building: 0, water: 0, major: 0, all: 0, images: document.querySelectorAll('.basemap img').length};"
                + "for (const c of document.querySelectorAll('.basemap canvas.leaflet-tile-loaded')) {"
                + "  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + "  for (let i = 0; i < d.length; i += 4) {"
                + "    const rgb = (d[i] << 16) | (d[i + 1] << 8) | d[i + 2]; n.all++;"
                + "    for (const k in want) if (want[k] === rgb) n[k]++;"
                + "  }"
                + "}"
                + "return n;");
        assertThat(number(drawn, "images")).as("a vector basemap is drawn, not shown as images").isZero();
        for (String kind : List.of("land", "building", "water", "major")) {
            assertThat(number(drawn, kind) / number(drawn, "all")).as("share of %s pixels in %s", kind, drawn).isGreaterThan(0.001);
        }
        assertThat(number(drawn, "land") / number(drawn, "all")).as("not one colour").isLessThan(0.95);
        shot("zh-CN-vector-map");
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(errors).as("browser console errors").isEmpty();
    }

    /**
     * The console's datum code against fleet-core's: the same points to a millimetre; and a map whose basemap
     * is GCJ-02 draws a WGS-84 point at the pixel where plain Web Mercator puts its GCJ-02 image, and a click
     * there comes back as the WGS-84 point (within 0.1 m).
     */
    @Test
    void aGcj02BasemapDrawsWgs84PointsOnTheRightStreetAndClicksComeBack() {
        browser = HeadlessChromium.start("en-US", 1280, 800);
        browser.get("http://127.0.0.1:" + server.httpPort() + "/console/");
        double[][] points = {{NINGBO_LAT, NINGBO_LON}, {29.9406, 122.0270}, {31.1774276, 121.5272106}, {39.911954, 116.377817}};
        for (double[] p : points) {
            for (org.skyfleet.fleet.geo.Datum to : List.of(org.skyfleet.fleet.geo.Datum.GCJ02, org.skyfleet.fleet.geo.Datum.BD09)) {
                org.skyfleet.fleet.geo.LatLon inJava = org.skyfleet.fleet.geo.DatumConversion.convert(org.skyfleet.fleet.geo.Datum.WGS84,
                        to, p[0], p[1]);
                @SuppressWarnings("unchecked")
                List<Number> js = (List<Number>) ((JavascriptExecutor) browser).executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "import('/console/datum.js').then(d => done(d.convert('WGS84', arguments[0], arguments[1], arguments[2])));",
                        to.name(), p[0], p[1]);
                assertThat(inJava.distanceM(new org.skyfleet.fleet.geo.LatLon(js.get(0).doubleValue(), js.get(1).doubleValue())))
                        .as("JS vs Java %s of %s", to, Arrays.toString(p)).isLessThan(0.001);
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> drawn = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "import('/console/datum.js').then(d => {"
                        + "  const box = (id) => { const e = document.createElement('div'); e.id = id;"
                        + "    e.style.cssText = 'width:800px;height:600px;position:absolute;left:0;top:0'; document.body.append(e); return e; };"
                        + "  const gcjMap = L.map(box('gcjMap'), { crs: d.datumCrs('GCJ02') }).setView([29.8717, 121.5547], 16);"
                        + "  const plain = L.map(box('plainMap'), { crs: L.CRS.EPSG3857 }).setView(d.convert('WGS84', 'GCJ02', 29.8717, 121.5547), 16);"
                        + "  const p = [29.8735, 121.5581];"
                        // project/unproject: Leaflet's container points are rounded to whole pixels (2 m at z16)
                        + "  const a = gcjMap.project(p, 16), b = plain.project(d.convert('WGS84', 'GCJ02', ...p), 16);"
                        + "  const back = gcjMap.unproject(a, 16);"
                        + "  const naive = plain.project(p, 16);"
                        + "  done({ dx: a.x - b.x, dy: a.y - b.y, lat: back.lat, lon: back.lng, naivePx: Math.hypot(naive.x - b.x, naive.y - b.y) });"
                        + "});");
        assertThat(Math.hypot(number(drawn, "dx"), number(drawn, "dy"))).as("pixels between the drawn point and its GCJ-02 image")
                .isLessThan(0.01);
        assertThat(new org.skyfleet.fleet.geo.LatLon(29.8735, 121.5581).distanceM(
                new org.skyfleet.fleet.geo.LatLon(number(drawn, "lat"), number(drawn, "lon")))).as("a click converted back, m").isLessThan(0.1);
        assertThat(number(drawn, "naivePx")).as("without the conversion the point is hundreds of metres (pixels at z16) off")
                .isGreaterThan(100);
    }

    /** Words of Latin letters the page shows, less ids, the brand, the autopilot names and the language switch's "English". */
    private List<String> englishWordsOnThePage() {
        String shown = (String) ((JavascriptExecutor) browser).executeScript(
                "const c = document.body.cloneNode(true); c.querySelectorAll('#language, code, script').forEach(e => e.remove());"
                        + "return c.innerText;");
        List<String> allowed = List.of("SkyFleet", "Asia", "Shanghai", "Leaflet", "ArduPilot");
        Matcher m = LATIN_WORD.matcher(shown);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            if (!allowed.contains(m.group())) {
                found.add(m.group());
            }
        }
        return found;
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
