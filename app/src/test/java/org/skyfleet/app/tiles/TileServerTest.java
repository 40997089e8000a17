package org.skyfleet.app.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.InstantSource;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.app.console.ConsoleSite;

/**
 * The server's tile packages over real HTTP: an MBTiles file written here with plain SQL (not by SkyFleet's
 * writer) is imported, its tiles come back byte for byte with their type, an ETag and caching; a tile it lacks
 * is 404 at once; bad files are refused at import with the reason. A vector package made by
 * {@link FeatureVectorTiles} is imported beside it and its gzip-stored Mapbox Vector Tiles are served as stored,
 * with {@code Content-Encoding: gzip}, decoding (with the encoding library's own reader) to the features where
 * they are on the map.
 */
class TileServerTest {
    @TempDir
    static Path dir;
    private static SkyfleetServer server;
    private static byte[] tile;
    private static final String TINY = "{\"type\":\"FeatureCollection\",\"features\":["
            + "{\"type\":\"Feature\",\"properties\":{\"kind\":\"land\",\"name\":\"东部新城\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
            + "[[[121.550,29.865],[121.560,29.865],[121.560,29.875],[121.550,29.875],[121.550,29.865]]]}},"
            + "{\"type\":\"Feature\",\"properties\":{\"kind\":\"road\",\"class\":\"major\"},\"geometry\":{\"type\":\"LineString\","
            + "\"coordinates\":[[121.550,29.870],[121.560,29.870]]}}]}";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(new Color(0x12324c));
        g.fillRect(0, 0, 256, 128);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        tile = png.toByteArray();
        Path file = dir.resolve("Ningbo Test.mbtiles");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (var s = c.createStatement()) {
                s.execute("CREATE TABLE metadata (name TEXT, value TEXT)");
                s.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)");
                s.execute("INSERT INTO metadata VALUES ('name', '宁波测试'), ('format', 'png'), ('minzoom', '16'), ('maxzoom', '16'),"
                        + " ('bounds', '121.55,29.86,121.56,29.88')");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tiles VALUES (16, 54896, ?, ?)")) {
                ps.setInt(1, (1 << 16) - 1 - 27065); // TMS row of XYZ y 27065
                ps.setBytes(2, tile);
                ps.executeUpdate();
            }
        }
        TilePackages.Imported imported = TilePackages.importFile(file, dir.resolve("tiles"), null, false);
        assertThat(imported.id()).isEqualTo("ningbo-test");
        assertThat(imported.info().name()).isEqualTo("宁波测试");
        Path vector = dir.resolve("vector.mbtiles");
        FeatureVectorTiles.of(FeatureTileRenderer.of(Files.writeString(dir.resolve("vector.geojson"), TINY)))
                .render(vector, "矢量", 14, 15, "test");
        assertThat(TilePackages.importFile(vector, dir.resolve("tiles"), "ningbo-vector", false).info().vector()).isTrue();
        server = SkyfleetServer.start(ServerConfig.ephemeral().withConsoleSite(ConsoleSite.defaults()
                .withTilePackages(dir.resolve("tiles"))), InstantSource.system());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<byte[]> get(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path))
                .timeout(Duration.ofSeconds(5));
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aTileComesBackByteForByteCachedAndAMissingOneIs404() throws Exception {
        HttpResponse<byte[]> ok = get("/api/v1/tiles/ningbo-test/16/54896/27065.png", null);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo(tile);
        assertThat(ok.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(ok.headers().firstValue("Cache-Control")).contains("public, max-age=86400");
        String etag = ok.headers().firstValue("ETag").orElseThrow();
        assertThat(get("/api/v1/tiles/ningbo-test/16/54896/27065.png", etag).statusCode()).isEqualTo(304);

        long t0 = System.nanoTime();
        HttpResponse<byte[]> missing = get("/api/v1/tiles/ningbo-test/16/54897/27065.png", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("a miss is answered at once").isLessThan(Duration.ofSeconds(2));
        assertThat(get("/api/v1/tiles/no-such-package/16/54896/27065.png", null).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/tiles/ningbo-test/16/54896/27065.pbf", null).statusCode()).as("another format").isEqualTo(404);
        assertThat(get("/api/v1/tiles/ningbo-test/99/1/1.png", null).statusCode()).as("not a zoom").isEqualTo(404);

        String settings = new String(get("/api/v1/console/settings", null).body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(settings).contains("\"id\":\"ningbo-test\"").contains("\"url\":\"/api/v1/tiles/ningbo-test/{z}/{x}/{y}.png\"")
                .contains("\"datum\":\"WGS84\"");
    }

    @Test
    void aVectorTileIsServedGzipEncodedAsStoredAndDecodesToTheFeatures() throws Exception {
        int x = (int) Math.floor(FeatureTileRenderer.pixelX(121.555, 15) / 256);
        int y = (int) Math.floor(FeatureTileRenderer.pixelY(29.870, 15) / 256);
        HttpResponse<byte[]> ok = get("/api/v1/tiles/ningbo-vector/15/" + x + "/" + y + ".pbf", null);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type")).contains("application/x-protobuf");
        assertThat(ok.headers().firstValue("Content-Encoding")).contains("gzip");
        try (MbTiles stored = MbTiles.open(dir.resolve("tiles").resolve("ningbo-vector.mbtiles"))) {
            assertThat(ok.body()).as("the stored bytes, not re-encoded").isEqualTo(stored.tile(15, x, y).orElseThrow());
        }
        JtsMvt mvt = MvtReader.loadMvt(new GZIPInputStream(new ByteArrayInputStream(ok.body())), new GeometryFactory(),
                new TagKeyValueMapConverter());
        assertThat(mvt.getLayersByName()).containsKeys("land", "road", "label");
        Geometry road = mvt.getLayer("road").getGeometries().iterator().next();
        assertThat(((java.util.Map<?, ?>) road.getUserData()).get("class")).isEqualTo("major");
        // the road runs along latitude 29.870: in the tile's 4096 extent, y counted from the top as MVT has it
        double roadY = (FeatureTileRenderer.pixelY(29.870, 15) - 256.0 * y) * 16;
        assertThat(road.getCoordinates()).allSatisfy(c -> assertThat(c.y).isCloseTo(roadY, org.assertj.core.data.Offset.offset(2.0)));
        assertThat(mvt.getLayer("label").getGeometries().iterator().next().getUserData().toString()).contains("东部新城");

        long t0 = System.nanoTime();
        assertThat(get("/api/v1/tiles/ningbo-vector/15/" + (x + 40) + "/" + y + ".pbf", null).statusCode()).isEqualTo(404);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("a miss is answered at once").isLessThan(Duration.ofSeconds(2));
        String settings = new String(get("/api/v1/console/settings", null).body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(settings).contains("\"url\":\"/api/v1/tiles/ningbo-vector/{z}/{x}/{y}.pbf\",\"format\":\"pbf\"");

        Path again = dir.resolve("again.mbtiles");
        FeatureVectorTiles.of(FeatureTileRenderer.of(dir.resolve("vector.geojson"))).render(again, "矢量", 14, 15, "test");
        try (MbTiles one = MbTiles.open(again); MbTiles two = MbTiles.open(dir.resolve("tiles").resolve("ningbo-vector.mbtiles"))) {
            assertThat(one.tile(15, x, y).orElseThrow()).as("deterministic").isEqualTo(two.tile(15, x, y).orElseThrow());
        }
    }

    @Test
    void badFilesAreRefusedAtImportWithTheReason() throws Exception {
        Path notSqlite = Files.write(dir.resolve("photo.mbtiles"), tile);
        assertThatThrownBy(() -> TilePackages.importFile(notSqlite, dir.resolve("tiles"), null, false))
                .isInstanceOf(TilePackageException.class).hasMessageContaining("not a SQLite database");

        Path good = dir.resolve("tiles").resolve("ningbo-test.mbtiles");
        byte[] bytes = Files.readAllBytes(good);
        // keep the header, scramble the pages after it: SQLite's integrity check (or its first read) fails
        for (int i = 100; i < bytes.length; i += 7) {
            bytes[i] = (byte) (bytes[i] ^ 0x5a);
        }
        Path corrupt = Files.write(dir.resolve("corrupt.mbtiles"), bytes);
        assertThatThrownBy(() -> TilePackages.importFile(corrupt, dir.resolve("tiles"), null, false))
                .isInstanceOf(TilePackageException.class).hasMessageContaining("corrupt");

        Path noTiles = dir.resolve("empty.mbtiles");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + noTiles); var s = c.createStatement()) {
            s.execute("CREATE TABLE metadata (name TEXT, value TEXT)");
        }
        assertThatThrownBy(() -> TilePackages.importFile(noTiles, dir.resolve("tiles"), null, false))
                .isInstanceOf(TilePackageException.class).hasMessageContaining("not MBTiles: no tiles table");

        assertThatThrownBy(() -> TilePackages.importFile(good, dir.resolve("tiles"), "ningbo-test", false))
                .hasMessageContaining("already imported").hasMessageContaining("--replace");
        assertThat(Files.list(dir.resolve("tiles")).map(p -> p.getFileName().toString()).toList())
                .as("nothing half-imported left behind").containsExactlyInAnyOrder("ningbo-test.mbtiles", "ningbo-vector.mbtiles");
    }

    @Test
    void theRendererDrawsFeaturesIntoARealPackageTheSameEveryTime() throws Exception {
        String geojson = "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{\"kind\":\"land\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[121.550,29.865],[121.560,29.865],[121.560,29.875],[121.550,29.875],[121.550,29.865]]]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"kind\":\"road\",\"class\":\"major\"},\"geometry\":{\"type\":\"LineString\","
                + "\"coordinates\":[[121.550,29.870],[121.560,29.870]]}}]}";
        Path features = Files.writeString(dir.resolve("tiny.geojson"), geojson);
        Path a = dir.resolve("a.mbtiles");
        Path b = dir.resolve("b.mbtiles");
        int n = FeatureTileRenderer.of(features).render(a, "tiny", 14, 15, "test");
        FeatureTileRenderer.of(features).render(b, "tiny", 14, 15, "test");
        assertThat(n).isBetween(2, 12);
        try (MbTiles one = MbTiles.open(a); MbTiles two = MbTiles.open(b)) {
            assertThat(one.info().minZoom()).isEqualTo(14);
            int x = (int) Math.floor(FeatureTileRenderer.pixelX(121.555, 15) / 256);
            int y = (int) Math.floor(FeatureTileRenderer.pixelY(29.870, 15) / 256);
            byte[] png = one.tile(15, x, y).orElseThrow();
            assertThat(png).isEqualTo(two.tile(15, x, y).orElseThrow());
            BufferedImage img = ImageIO.read(new java.io.ByteArrayInputStream(png));
            int px = (int) Math.round(FeatureTileRenderer.pixelX(121.555, 15) - 256.0 * x);
            int py = (int) Math.round(FeatureTileRenderer.pixelY(29.870, 15) - 256.0 * y);
            assertThat(img.getRGB(px, py) & 0xffffff).as("the road drawn where it is").isEqualTo(0x5b6b7d);
        }
        assertThatThrownBy(() -> FeatureTileRenderer.of(new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "{\"features\":[{\"properties\":{\"kind\":\"volcano\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[]}}]}")))
                .hasMessageContaining("feature kind 'volcano'");
    }
}
