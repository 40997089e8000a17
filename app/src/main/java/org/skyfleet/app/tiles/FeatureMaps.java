package org.skyfleet.app.tiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Tile packages made from the map features beside the scenarios ({@code scenarios/maps/*.geojson}): each one
 * not yet in the tile directory is rendered and imported at start, so a checkout carries a few kilobytes of
 * features and no binaries, and the first start makes the packages (a few seconds). A features file may say
 * its package's name and zooms in a foreign member: {@code "skyfleet": {"name": "...", "minZoom": 12, "maxZoom": 16}}.
 * Each features file makes two packages: raster ({@code ID}, PNG, what the console opens on) and vector
 * ({@code ID-vector}, Mapbox Vector Tiles the console draws itself, sharp at every zoom).
 */
public final class FeatureMaps {
    private FeatureMaps() {
    }

    /**
     * Renders and imports every features file in {@code featuresDir} whose package is missing from {@code tilesDir}.
     *
     * @return what was made, one line each, for the console's operator
     */
    public static List<String> ensure(Path featuresDir, Path tilesDir) {
        List<String> made = new ArrayList<>();
        if (!Files.isDirectory(featuresDir)) {
            return made;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(featuresDir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".geojson")).sorted().toList();
        } catch (IOException e) {
            throw new TilePackageException("cannot list " + featuresDir + ": " + e.getMessage(), e);
        }
        for (Path f : files) {
            String id = TilePackages.idFrom(f.getFileName().toString());
            ensure(f, tilesDir, id, false, made);
            ensure(f, tilesDir, id + "-vector", true, made);
        }
        return made;
    }

    private static void ensure(Path f, Path tilesDir, String id, boolean vector, List<String> made) {
        if (Files.exists(tilesDir.resolve(id + ".mbtiles"))) {
            return;
        }
        JsonNode features;
        try {
            features = new ObjectMapper().readTree(Files.readString(f));
        } catch (IOException e) {
            throw new TilePackageException("cannot read map features " + f + ": " + e.getMessage(), e);
        }
        JsonNode own = features.path("skyfleet");
        String name = own.path("name").asText(id) + (vector ? " (矢量 vector)" : "");
        int minZoom = own.path("minZoom").asInt(12);
        int maxZoom = own.path("maxZoom").asInt(16);
        try {
            Files.createDirectories(tilesDir);
            Path tmp = Files.createTempFile(tilesDir, "." + id, ".rendering");
            try {
                FeatureTileRenderer raster = FeatureTileRenderer.of(features);
                int n = vector ? FeatureVectorTiles.of(raster).render(tmp, name, minZoom, maxZoom, "SkyFleet")
                        : raster.render(tmp, name, minZoom, maxZoom, "SkyFleet");
                TilePackages.importFile(tmp, tilesDir, id, false);
                made.add(id + ": " + n + " tiles, zoom " + minZoom + "-" + maxZoom + ", from " + f);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new TilePackageException("cannot render " + f + " into " + tilesDir + ": " + e.getMessage(), e);
        }
    }
}
