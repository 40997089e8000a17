package org.skyfleet.fleet.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.LocalFrame;

/**
 * The terrain features a search map takes from a GeoJSON FeatureCollection (the scenarios' map files, or an
 * exported road file), in a map's local frame: roads and paths (LineStrings with {@code kind} "road" or
 * "path", or an OpenStreetMap {@code highway} tag), which attract probability, and water (Polygons with
 * {@code kind} or {@code natural} "water"), which repels it. Other features are ignored.
 *
 * @param linesLocal roads and paths, metres, possibly empty
 * @param waterLocal water areas, metres, possibly empty
 */
public record MapFeatures(Geometry linesLocal, Geometry waterLocal) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Share of subjects with dementia found on a road or path: 59 % of women with dementia missing on foot were
     * found walking in a street or roadway (Grampian Police 2007, public summary cited in
     * {@code lost-person-distances.csv}; the summary gives no sample size).
     */
    public static final double DEMENTIA_SHARE_ON_ROADS = 0.59;
    /**
     * Half-width of the corridor along a road or path that counts as "on" it, metres: a lane or path and its
     * verges. An engineering assumption; it also fits inside one camera swath (56 m at 60 m).
     */
    public static final double CORRIDOR_HALF_WIDTH_M = 25;
    /**
     * Relative weight of water against land ({@link ProbabilityMap#withRelativeWeight}): an engineering
     * assumption (drowning is among the ways dementia subjects die, so water is not excluded outright).
     */
    public static final double WATER_WEIGHT = 0.2;

    /** The map with these features: roads attract ({@link ProbabilityMap#withLinearFeatures}), water repels. */
    public ProbabilityMap applyTo(ProbabilityMap map, double shareOnRoads) {
        ProbabilityMap out = linesLocal.isEmpty() ? map : map.withLinearFeatures(linesLocal, CORRIDOR_HALF_WIDTH_M, shareOnRoads);
        return waterLocal.isEmpty() ? out : out.withRelativeWeight(waterLocal, WATER_WEIGHT);
    }

    /** No features. */
    public static MapFeatures none() {
        return new MapFeatures(SearchGrid.FACTORY.createLineString(), SearchGrid.FACTORY.createPolygon());
    }

    /**
     * Roads given as WGS84 polylines (what {@code serve --roads FILE} and the scenario maps load), in {@code frame};
     * no water. Lines of fewer than two points are skipped.
     */
    public static MapFeatures ofRoads(List<List<GeoPoint>> roads, LocalFrame frame) {
        List<Geometry> lines = new ArrayList<>();
        for (List<GeoPoint> road : roads) {
            if (road.size() < 2) {
                continue;
            }
            Coordinate[] c = new Coordinate[road.size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = frame.toLocal(road.get(i));
            }
            lines.add(SearchGrid.FACTORY.createLineString(c));
        }
        return new MapFeatures(lines.isEmpty() ? SearchGrid.FACTORY.createLineString() : UnaryUnionOp.union(lines),
                SearchGrid.FACTORY.createPolygon());
    }

    /**
     * Reads a FeatureCollection ([lon, lat] coordinates, WGS84).
     *
     * @throws IllegalArgumentException when the text is not a FeatureCollection
     */
    public static MapFeatures fromGeoJson(String geoJson, LocalFrame frame) {
        JsonNode root;
        try {
            root = JSON.readTree(geoJson);
        } catch (IOException e) {
            throw new UncheckedIOException("the map features are not JSON", e);
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
            throw new IllegalArgumentException("map features must be a GeoJSON FeatureCollection");
        }
        List<Geometry> lines = new ArrayList<>(), water = new ArrayList<>();
        for (JsonNode f : root.path("features")) {
            JsonNode props = f.path("properties");
            String kind = props.path("kind").asText("");
            JsonNode g = f.path("geometry");
            String type = g.path("type").asText("");
            if (type.equals("LineString") && (kind.equals("road") || kind.equals("path") || props.has("highway"))) {
                lines.add(line(g.path("coordinates"), frame));
            } else if (type.equals("Polygon") && (kind.equals("water") || "water".equals(props.path("natural").asText()))) {
                water.add(polygon(g.path("coordinates"), frame));
            }
        }
        return new MapFeatures(lines.isEmpty() ? SearchGrid.FACTORY.createLineString() : UnaryUnionOp.union(lines),
                water.isEmpty() ? SearchGrid.FACTORY.createPolygon() : UnaryUnionOp.union(water));
    }

    private static LineString line(JsonNode coords, LocalFrame frame) {
        return SearchGrid.FACTORY.createLineString(coordinates(coords, frame));
    }

    private static Geometry polygon(JsonNode rings, LocalFrame frame) {
        Polygon p = SearchGrid.FACTORY.createPolygon(coordinates(rings.get(0), frame));
        return p.isValid() ? p : p.buffer(0);
    }

    private static Coordinate[] coordinates(JsonNode coords, LocalFrame frame) {
        Coordinate[] out = new Coordinate[coords.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode c = coords.get(i);
            out[i] = frame.toLocal(new GeoPoint(c.get(1).asDouble(), c.get(0).asDouble()));
        }
        return out;
    }
}
