package org.skyfleet.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.skyfleet.fleet.geofence.Geofences;
import org.skyfleet.fleet.geofence.Zone;
import org.skyfleet.server.geofence.GeofenceGeoJson;

/**
 * The demo's gates: every GeoJSON file in a directory (scenarios/gates: Dongbu Xincheng's and Shenjiamen's) loaded
 * as zones, so the console's City Gates panel and the wall count from the first minute. A missing directory loads
 * nothing; a file that cannot be read stops the demo with its name.
 */
final class DemoGates {
    private DemoGates() {
    }

    /** Saves the gates found under {@code dir}; returns one line per file for the demo to print. */
    static List<String> load(Path dir, Geofences geofences) throws IOException {
        List<String> loaded = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return loaded;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".geojson")).sorted().toList()) {
                List<Zone> zones;
                try {
                    zones = GeofenceGeoJson.parse(Files.readString(file, StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
                }
                geofences.saveAll(zones);
                loaded.add(file + " (" + zones.size() + " gates)");
            }
        }
        return loaded;
    }
}
