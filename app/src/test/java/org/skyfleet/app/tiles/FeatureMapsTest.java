package org.skyfleet.app.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's start: each features file becomes a raster and a vector package, once. */
class FeatureMapsTest {
    @TempDir
    Path dir;

    @Test
    void aFeaturesFileBecomesARasterAndAVectorPackageOnlyOnce() throws Exception {
        Path features = Files.createDirectories(dir.resolve("maps"));
        Files.writeString(features.resolve("islet.geojson"), """
                {"type": "FeatureCollection", "skyfleet": {"name": "小岛", "minZoom": 14, "maxZoom": 15},
                 "features": [
                  {"type": "Feature", "properties": {"kind": "land"}, "geometry": {"type": "Polygon", "coordinates":
                    [[[122.10, 29.90], [122.11, 29.90], [122.11, 29.91], [122.10, 29.91], [122.10, 29.90]]]}},
                  {"type": "Feature", "properties": {"kind": "road", "class": "major"}, "geometry": {"type": "LineString",
                    "coordinates": [[122.101, 29.905], [122.109, 29.905]]}}]}
                """);
        Path tiles = dir.resolve("tiles");

        List<String> made = FeatureMaps.ensure(features, tiles);

        assertThat(made).hasSize(2);
        try (TilePackages packages = TilePackages.open(tiles)) {
            Map<String, MbTiles.Info> byId = new java.util.TreeMap<>();
            packages.all().forEach(e -> byId.put(e.getKey(), e.getValue().info()));
            assertThat(byId).containsOnlyKeys("islet", "islet-vector");
            assertThat(byId.get("islet").format()).isEqualTo("png");
            assertThat(byId.get("islet").vector()).isFalse();
            assertThat(byId.get("islet-vector").format()).isEqualTo("pbf");
            assertThat(byId.get("islet-vector").vector()).isTrue();
            assertThat(byId.get("islet-vector").name()).startsWith("小岛");
            assertThat(byId.get("islet-vector").maxZoom()).isEqualTo(15);
        }
        assertThat(FeatureMaps.ensure(features, tiles)).as("packages already there are not made again").isEmpty();
    }
}
