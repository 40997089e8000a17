package org.skyfleet.app.tiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.skyfleet.fleet.geo.Datum;

/**
 * Renders a raster tile package (256 px PNG, Web Mercator, WGS-84) from a place's map features: a GeoJSON
 * FeatureCollection whose features say what they are in {@code properties.kind}: {@code land}, {@code forest},
 * {@code park}, {@code water}, {@code building} (Polygon, MultiPolygon) or {@code road} (LineString with
 * {@code properties.class} major, minor or path). What is not land is sea. The same input an open-data city
 * extract gives, so the demo's package and a city's come down one path.
 * <p>Steps: project every feature once per zoom into that zoom's global pixels; for each tile over the
 * features' bounds, shift the drawing by the tile's origin and paint sea, land, green, water, buildings and
 * roads in that order (roads widths in metres, turned into pixels at the tile's latitude). Deterministic: the
 * same features give the same bytes.
 */
public final class FeatureTileRenderer {
    private static final int TILE_PX = 256;
    private static final Color SEA = new Color(0x0e2233);
    private static final Map<String, Color> FILLS = Map.of(
            "land", new Color(0x1c2631), "forest", new Color(0x1d3326), "park", new Color(0x213a2c),
            "water", new Color(0x12324c), "building", new Color(0x2e3b4b));
    private static final List<String> FILL_ORDER = List.of("land", "forest", "park", "water", "building");
    private static final Map<String, Double> ROAD_WIDTH_M = Map.of("major", 16.0, "minor", 8.0, "path", 3.0);
    private static final Map<String, Color> ROAD_COLOURS = Map.of("major", new Color(0x5b6b7d), "minor", new Color(0x425163),
            "path", new Color(0x3a4a3f));

    /** One map feature: its kind, road class, name (may be empty) and rings or lines in degrees (lon, lat). */
    record Feature(String kind, String roadClass, String name, List<double[][]> rings, boolean line) {
    }

    private final List<Feature> features;
    private final double[] boundsDeg;

    private FeatureTileRenderer(List<Feature> features, double[] boundsDeg) {
        this.features = features;
        this.boundsDeg = boundsDeg;
    }

    /** The features of a GeoJSON FeatureCollection. */
    public static FeatureTileRenderer of(JsonNode collection) {
        List<Feature> out = new ArrayList<>();
        double[] b = {180, 90, -180, -90};
        for (JsonNode f : collection.path("features")) {
            String kind = f.path("properties").path("kind").asText("");
            JsonNode g = f.path("geometry");
            String type = g.path("type").asText("");
            List<double[][]> rings = new ArrayList<>();
            switch (type) {
                case "Polygon" -> g.path("coordinates").forEach(r -> rings.add(points(r)));
                case "MultiPolygon" -> g.path("coordinates").forEach(p -> p.forEach(r -> rings.add(points(r))));
                case "LineString" -> rings.add(points(g.path("coordinates")));
                case "MultiLineString" -> g.path("coordinates").forEach(l -> rings.add(points(l)));
                default -> throw new TilePackageException("feature of kind '" + kind + "': geometry '" + type
                        + "' is not drawn (Polygon, MultiPolygon, LineString, MultiLineString)");
            }
            boolean line = type.endsWith("LineString");
            if (line ? !kind.equals("road") : !FILLS.containsKey(kind)) {
                throw new TilePackageException("feature kind '" + kind + "' with a " + type + " is not drawn: "
                        + "land, forest, park, water, building (areas) or road (lines)");
            }
            for (double[][] r : rings) {
                for (double[] p : r) {
                    b[0] = Math.min(b[0], p[0]);
                    b[1] = Math.min(b[1], p[1]);
                    b[2] = Math.max(b[2], p[0]);
                    b[3] = Math.max(b[3], p[1]);
                }
            }
            out.add(new Feature(kind, f.path("properties").path("class").asText("minor"),
                    f.path("properties").path("name").asText(""), rings, line));
        }
        if (out.isEmpty()) {
            throw new TilePackageException("no features to draw");
        }
        return new FeatureTileRenderer(out, b);
    }

    public static FeatureTileRenderer of(Path geojson) {
        try {
            return of(new ObjectMapper().readTree(Files.readString(geojson)));
        } catch (IOException e) {
            throw new TilePackageException("cannot read map features " + geojson + ": " + e.getMessage(), e);
        }
    }

    private static double[][] points(JsonNode ring) {
        double[][] p = new double[ring.size()][];
        for (int i = 0; i < ring.size(); i++) {
            p[i] = new double[] {ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble()};
        }
        return p;
    }

    /** The features, as read (the vector encoder takes the same ones). */
    List<Feature> features() {
        return features;
    }

    /** West, south, east, north of the features, degrees. */
    public double[] boundsDeg() {
        return boundsDeg.clone();
    }

    /**
     * Writes the package: every tile from {@code minZoom} to {@code maxZoom} over the features' bounds.
     *
     * @return how many tiles were written
     */
    public int render(Path out, String name, int minZoom, int maxZoom, String attribution) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // a server draws without a display
        }
        int n = 0;
        try (MbTilesWriter w = new MbTilesWriter(out, name, "png", minZoom, maxZoom, boundsDeg, Datum.WGS84, attribution)) {
            for (int z = minZoom; z <= maxZoom; z++) {
                List<Path2D> shapes = new ArrayList<>();
                for (Feature f : features) {
                    shapes.add(project(f, z));
                }
                int x0 = (int) Math.floor(pixelX(boundsDeg[0], z) / TILE_PX);
                int x1 = (int) Math.floor(pixelX(boundsDeg[2], z) / TILE_PX);
                int y0 = (int) Math.floor(pixelY(boundsDeg[3], z) / TILE_PX);
                int y1 = (int) Math.floor(pixelY(boundsDeg[1], z) / TILE_PX);
                for (int x = x0; x <= x1; x++) {
                    for (int y = y0; y <= y1; y++) {
                        w.put(z, x, y, tile(shapes, z, x, y));
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private byte[] tile(List<Path2D> shapes, int z, int x, int y) {
        BufferedImage img = new BufferedImage(TILE_PX, TILE_PX, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(SEA);
            g.fillRect(0, 0, TILE_PX, TILE_PX);
            g.setTransform(AffineTransform.getTranslateInstance(-(double) x * TILE_PX, -(double) y * TILE_PX));
            for (String kind : FILL_ORDER) {
                g.setColor(FILLS.get(kind));
                for (int i = 0; i < features.size(); i++) {
                    if (features.get(i).kind().equals(kind) && !features.get(i).line()) {
                        g.fill(shapes.get(i));
                    }
                }
            }
            double latDeg = Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2.0 * (y + 0.5) / (1L << z)))));
            double metresPerPx = 156_543.034 * Math.cos(Math.toRadians(latDeg)) / (1L << z);
            for (String roadClass : List.of("path", "minor", "major")) {
                float widthPx = (float) Math.max(1.0, ROAD_WIDTH_M.getOrDefault(roadClass, 8.0) / metresPerPx);
                g.setStroke(new BasicStroke(widthPx, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.setColor(ROAD_COLOURS.get(roadClass));
                for (int i = 0; i < features.size(); i++) {
                    Feature f = features.get(i);
                    if (f.line() && f.roadClass().equals(roadClass)) {
                        g.draw(shapes.get(i));
                    }
                }
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", png);
        } catch (IOException e) {
            throw new TilePackageException("cannot encode tile " + z + "/" + x + "/" + y + ": " + e.getMessage(), e);
        }
        return png.toByteArray();
    }

    private static Path2D project(Feature f, int z) {
        Path2D.Double p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (double[][] ring : f.rings()) {
            for (int i = 0; i < ring.length; i++) {
                double px = pixelX(ring[i][0], z);
                double py = pixelY(ring[i][1], z);
                if (i == 0) {
                    p.moveTo(px, py);
                } else {
                    p.lineTo(px, py);
                }
            }
            if (!f.line()) {
                p.closePath();
            }
        }
        return p;
    }

    /** Web Mercator global pixel x at zoom z. */
    static double pixelX(double lonDeg, int z) {
        return (lonDeg + 180.0) / 360.0 * TILE_PX * (1L << z);
    }

    /** Web Mercator global pixel y at zoom z (from the north). */
    static double pixelY(double latDeg, int z) {
        double lat = Math.toRadians(latDeg);
        return (1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * TILE_PX * (1L << z);
    }
}
