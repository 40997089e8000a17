package org.skyfleet.app.roads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * The roads of a GeoJSON file (WGS-84, [lon, lat] as GeoJSON has it): every LineString and MultiLineString
 * feature whose {@code kind} property is {@code road} or absent. Other features (buildings, water, parks: the
 * demo's map features share the file) are skipped, so the map the console draws and the roads dispatch drives
 * on can be one file. Lines that share a vertex join (see {@code RoadNetworkEta}).
 */
public final class GeoJsonRoads {
    private GeoJsonRoads() {
    }

    /**
     * @throws IOException              when the file cannot be read or is not JSON
     * @throws IllegalArgumentException when it holds no road line, or a line has fewer than two points, naming the feature
     */
    public static List<List<GeoPoint>> read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        JsonNode features = root.path("type").asText().equals("FeatureCollection") ? root.path("features") : root.path("__none");
        List<List<GeoPoint>> roads = new ArrayList<>();
        int n = 0;
        for (JsonNode f : features) {
            n++;
            String kind = f.path("properties").path("kind").asText("road");
            JsonNode g = f.path("geometry");
            String type = g.path("type").asText();
            if (!kind.equals("road")) {
                continue;
            }
            if (type.equals("LineString")) {
                roads.add(line(g.path("coordinates"), file, n));
            } else if (type.equals("MultiLineString")) {
                for (JsonNode l : g.path("coordinates")) {
                    roads.add(line(l, file, n));
                }
            }
        }
        if (roads.isEmpty()) {
            throw new IllegalArgumentException(file + " has no road: give a GeoJSON FeatureCollection of LineString features"
                    + " (with \"kind\": \"road\" or no kind)");
        }
        return roads;
    }

    /**
     * The roads of every {@code *.geojson} file in a directory that has any (the demo's map features: Ningbo's
     * and Zhoushan's networks lie far apart, so one network holds both); empty when none has a road or the
     * directory does not exist.
     *
     * @throws IOException when a file cannot be read or is not JSON
     */
    public static List<List<GeoPoint>> readAll(Path dir) throws IOException {
        List<List<GeoPoint>> roads = new ArrayList<>();
        if (!java.nio.file.Files.isDirectory(dir)) {
            return roads;
        }
        List<Path> files;
        try (var s = java.nio.file.Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".geojson")).sorted().toList();
        }
        for (Path f : files) {
            try {
                roads.addAll(read(f));
            } catch (IllegalArgumentException noRoads) {
                // a map without roads (a harbour chart) adds nothing to the network
            }
        }
        return roads;
    }

    private static List<GeoPoint> line(JsonNode coordinates, Path file, int feature) {
        List<GeoPoint> points = new ArrayList<>();
        for (JsonNode c : coordinates) {
            GeoPoint p = new GeoPoint(c.path(1).asDouble(Double.NaN), c.path(0).asDouble(Double.NaN));
            try {
                p.validate(file + " feature " + feature);
            } catch (org.skyfleet.planner.PlanningException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            points.add(p);
        }
        if (points.size() < 2) {
            throw new IllegalArgumentException(file + " feature " + feature + ": a road needs at least two points");
        }
        return points;
    }
}
