package org.skyfleet.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyfleet.app.tiles.MbTiles;
import org.skyfleet.app.tiles.pmtiles.PmTiles;
import picocli.CommandLine;

/**
 * {@code skyfleet tiles}: a features file rendered straight to PMTiles, an MBTiles package converted to PMTiles
 * with the same tiles, both imported and listed; a file that only claims to be PMTiles refused with the reason.
 */
class TilesCommandTest {
    private static final String TINY = "{\"type\":\"FeatureCollection\",\"features\":["
            + "{\"type\":\"Feature\",\"properties\":{\"kind\":\"land\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
            + "[[[121.550,29.865],[121.560,29.865],[121.560,29.875],[121.550,29.875],[121.550,29.865]]]}}]}";
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int run(String... args) {
        CommandLine cli = new CommandLine(new SkyfleetCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void renderConvertImportAndListPmTiles() throws Exception {
        Path features = Files.writeString(dir.resolve("tiny.geojson"), TINY);
        String tiles = dir.resolve("tiles").toString();
        assertThat(run("tiles", "render", features.toString(), "--out", dir.resolve("tiny.pmtiles").toString(),
                "--format", "pbf", "--min-zoom", "13", "--max-zoom", "14")).isZero();
        assertThat(dir.resolve(".tiny.pmtiles.mbtiles")).as("the scratch MBTiles is gone").doesNotExist();
        assertThat(run("tiles", "render", features.toString(), "--out", dir.resolve("tiny.mbtiles").toString(),
                "--min-zoom", "13", "--max-zoom", "14")).isZero();
        assertThat(run("tiles", "convert", dir.resolve("tiny.mbtiles").toString(), "--out", dir.resolve("raster.pmtiles").toString()))
                .as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("converted \\d+ tiles to .*raster.pmtiles");
        try (MbTiles mb = MbTiles.open(dir.resolve("tiny.mbtiles")); PmTiles pm = PmTiles.open(dir.resolve("raster.pmtiles"))) {
            assertThat(pm.info().format()).isEqualTo("png");
            mb.forEachTile((z, x, y, data) -> assertThat(pm.tile(z, x, y)).hasValueSatisfying(b -> assertThat(b).isEqualTo(data)));
        }
        assertThat(run("tiles", "import", dir.resolve("tiny.pmtiles").toString(), "--tiles-dir", tiles)).isZero();
        assertThat(run("tiles", "import", dir.resolve("raster.pmtiles").toString(), "--tiles-dir", tiles)).isZero();
        out.getBuffer().setLength(0);
        assertThat(run("tiles", "list", "--tiles-dir", tiles)).isZero();
        assertThat(out.toString()).contains("raster: tiny.geojson, png, zoom 13-14").contains("tiny: tiny.geojson, pbf, zoom 13-14");

        Path fake = Files.writeString(dir.resolve("fake.pmtiles"), "PMTiles\u0003 but nothing after the version");
        assertThat(run("tiles", "import", fake.toString(), "--tiles-dir", tiles)).isEqualTo(1);
        assertThat(err.toString()).contains("refused: fake.pmtiles is not a usable PMTiles archive: truncated");
    }
}
