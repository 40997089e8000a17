package org.skyfleet.app.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.app.console.ConsoleSite;
import org.skyfleet.app.tiles.pmtiles.PmTiles;
import org.skyfleet.app.tiles.pmtiles.PmTilesWriter;
import org.skyfleet.fleet.geo.Datum;

/**
 * PMTiles packages over real HTTP, beside an MBTiles one: a raster archive written by {@link PmTilesWriter} and a
 * vector one converted from a rendered MBTiles package are imported and served through the same routes, each tile
 * byte for byte with its type (and {@code Content-Encoding: gzip} for the gzipped vector tiles), a missing tile 404
 * at once, and both listed as basemaps.
 */
class PmTilesServerTest {
    @TempDir
    static Path dir;
    private static SkyfleetServer server;
    private static byte[] png;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String TINY = "{\"type\":\"FeatureCollection\",\"features\":["
            + "{\"type\":\"Feature\",\"properties\":{\"kind\":\"land\",\"name\":\"东部新城\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
            + "[[[121.550,29.865],[121.560,29.865],[121.560,29.875],[121.550,29.875],[121.550,29.865]]]}},"
            + "{\"type\":\"Feature\",\"properties\":{\"kind\":\"road\",\"class\":\"major\"},\"geometry\":{\"type\":\"LineString\","
            + "\"coordinates\":[[121.550,29.870],[121.560,29.870]]}}]}";

    @BeforeAll
    static void start() throws Exception {
        BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(new Color(0x2a6f97));
        g.fillRect(0, 0, 128, 256);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        png = out.toByteArray();
        Path raster = dir.resolve("Zhoushan Raster.pmtiles");
        try (PmTilesWriter w = new PmTilesWriter(raster, "舟山栅格", "png", 16, 16, new double[] {122.2, 29.9, 122.3, 30.0},
                Datum.GCJ02, "test")) {
            w.put(16, 54998, 27000, png);
        }
        assertThat(TilePackages.importFile(raster, dir.resolve("tiles"), null, false).id()).isEqualTo("zhoushan-raster");

        Path mb = dir.resolve("vector.mbtiles");
        FeatureVectorTiles.of(FeatureTileRenderer.of(Files.writeString(dir.resolve("vector.geojson"), TINY)))
                .render(mb, "矢量", 14, 15, "test");
        Path pm = dir.resolve("vector.pmtiles");
        assertThat(TileConversion.toPmTiles(mb, pm)).isPositive();
        TilePackages.Imported vector = TilePackages.importFile(pm, dir.resolve("tiles"), "ningbo-vector", false);
        assertThat(vector.info().vector()).isTrue();
        assertThat(vector.info().name()).isEqualTo("矢量");
        server = SkyfleetServer.start(ServerConfig.ephemeral().withConsoleSite(ConsoleSite.defaults()
                .withTilePackages(dir.resolve("tiles"))), InstantSource.system());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<byte[]> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aRasterTileComesBackByteForByteAndAMissingOneIs404AtOnce() throws Exception {
        HttpResponse<byte[]> ok = get("/api/v1/tiles/zhoushan-raster/16/54998/27000.png");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo(png);
        assertThat(ok.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(ok.headers().firstValue("Content-Encoding")).isEmpty();
        long t0 = System.nanoTime();
        assertThat(get("/api/v1/tiles/zhoushan-raster/16/54999/27000.png").statusCode()).isEqualTo(404);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("a miss is answered at once").isLessThan(Duration.ofSeconds(2));
        assertThat(get("/api/v1/tiles/zhoushan-raster/15/27499/13500.png").statusCode()).as("outside its zooms").isEqualTo(404);
        String settings = new String(get("/api/v1/console/settings").body(), StandardCharsets.UTF_8);
        assertThat(settings).contains("\"id\":\"zhoushan-raster\",\"name\":\"舟山栅格\"")
                .contains("\"url\":\"/api/v1/tiles/zhoushan-raster/{z}/{x}/{y}.png\"").contains("\"datum\":\"GCJ02\"");
    }

    @Test
    void aVectorTileIsServedAsStoredWithGzipEncoding() throws Exception {
        int x = (int) Math.floor(FeatureTileRenderer.pixelX(121.555, 15) / 256);
        int y = (int) Math.floor(FeatureTileRenderer.pixelY(29.870, 15) / 256);
        HttpResponse<byte[]> ok = get("/api/v1/tiles/ningbo-vector/15/" + x + "/" + y + ".pbf");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type")).contains("application/x-protobuf");
        assertThat(ok.headers().firstValue("Content-Encoding")).contains("gzip");
        try (MbTiles source = MbTiles.open(dir.resolve("vector.mbtiles"));
             PmTiles stored = PmTiles.open(dir.resolve("tiles").resolve("ningbo-vector.pmtiles"))) {
            byte[] original = source.tile(15, x, y).orElseThrow();
            assertThat(ok.body()).as("the MBTiles tile, unchanged through conversion and serving").isEqualTo(original);
            assertThat(stored.header().tileCompression().name()).isEqualTo("GZIP");
            long[] all = {0};
            source.forEachTile((z, tx, ty, data) -> {
                assertThat(stored.tile(z, tx, ty)).as(z + "/" + tx + "/" + ty).hasValueSatisfying(b -> assertThat(b).isEqualTo(data));
                all[0]++;
            });
            assertThat(stored.header().addressedTiles()).isEqualTo(all[0]);
        }
        long t0 = System.nanoTime();
        assertThat(get("/api/v1/tiles/ningbo-vector/15/" + (x + 40) + "/" + y + ".pbf").statusCode()).isEqualTo(404);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("a miss is answered at once").isLessThan(Duration.ofSeconds(2));
        assertThat(get("/api/v1/tiles/ningbo-vector/15/" + x + "/" + y + ".png").statusCode()).as("another format").isEqualTo(404);
    }
}
