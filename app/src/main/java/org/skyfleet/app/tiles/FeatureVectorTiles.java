package org.skyfleet.app.tiles;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.IGeometryFilter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.JtsAdapter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtEncoder;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.UserDataKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.skyfleet.app.tiles.FeatureTileRenderer.Feature;
import org.skyfleet.fleet.geo.Datum;

/**
 * Encodes a place's map features as a vector tile package (Mapbox Vector Tiles 2.1, gzip-compressed as MBTiles
 * packages usually store them, Web Mercator, WGS-84): the same features {@link FeatureTileRenderer} paints,
 * left for the browser to draw, so one package serves every zoom sharply and weighs a fraction of the PNGs.
 * <p>Layers, named as the console styles them: {@code land}, {@code green} (tag {@code kind} forest or park),
 * {@code water}, {@code building}, {@code road} (tag {@code class} major, minor or path) and {@code label}
 * (a point inside each named area, tags {@code name} and {@code kind}). What no layer covers is sea.
 * <p>Steps, per zoom: project each feature once into that zoom's global pixels (y up, as the encoder expects
 * of a projected frame); for each tile over the features' bounds, clip every feature whose envelope meets the
 * tile (plus a 16 px buffer, so strokes do not end at tile edges) and scale it to the tile's 4096 extent with
 * the library's {@link JtsAdapter#createTileGeom}; encode with {@link MvtEncoder}. Every tile over the bounds
 * is written, an empty one as a tile with no layers, as the raster packages do. Deterministic: the same
 * features give the same bytes (gzip's header carries no time here).
 */
public final class FeatureVectorTiles {
    private static final int TILE_PX = 256;
    private static final double BUFFER_PX = 16;
    private static final List<String> LAYERS = List.of("land", "green", "water", "building", "road", "label");
    private static final IGeometryFilter KEEP_ALL = g -> true;

    private final FeatureTileRenderer source;
    private final GeometryFactory factory = new GeometryFactory();

    private FeatureVectorTiles(FeatureTileRenderer source) {
        this.source = source;
    }

    /** The vector encoding of the features a renderer read. */
    public static FeatureVectorTiles of(FeatureTileRenderer features) {
        return new FeatureVectorTiles(features);
    }

    private record Placed(String layer, Geometry geometry, Map<String, Object> tags) {
    }

    /**
     * Writes the package (format {@code pbf}): every tile from {@code minZoom} to {@code maxZoom} over the
     * features' bounds.
     *
     * @return how many tiles were written
     */
    public int render(Path out, String name, int minZoom, int maxZoom, String attribution) {
        double[] bounds = source.boundsDeg();
        int n = 0;
        try (MbTilesWriter w = new MbTilesWriter(out, name, "pbf", minZoom, maxZoom, bounds, Datum.WGS84, attribution)) {
            for (int z = minZoom; z <= maxZoom; z++) {
                List<Placed> placed = project(z);
                int x0 = (int) Math.floor(FeatureTileRenderer.pixelX(bounds[0], z) / TILE_PX);
                int x1 = (int) Math.floor(FeatureTileRenderer.pixelX(bounds[2], z) / TILE_PX);
                int y0 = (int) Math.floor(FeatureTileRenderer.pixelY(bounds[3], z) / TILE_PX);
                int y1 = (int) Math.floor(FeatureTileRenderer.pixelY(bounds[1], z) / TILE_PX);
                for (int x = x0; x <= x1; x++) {
                    for (int y = y0; y <= y1; y++) {
                        w.put(z, x, y, gzip(tile(placed, x, y)));
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private List<Placed> project(int z) {
        List<Placed> out = new ArrayList<>();
        for (Feature f : source.features()) {
            Map<String, Object> tags = new LinkedHashMap<>();
            String layer = switch (f.kind()) {
                case "forest", "park" -> "green";
                default -> f.kind();
            };
            if (f.line()) {
                tags.put("class", f.roadClass());
                for (double[][] line : f.rings()) {
                    out.add(new Placed(layer, factory.createLineString(coordinates(line, z)), tags));
                }
                continue;
            }
            if (layer.equals("green")) {
                tags.put("kind", f.kind());
            }
            Geometry area = area(f, z);
            out.add(new Placed(layer, area, tags));
            if (!f.name().isEmpty()) {
                Map<String, Object> label = new LinkedHashMap<>();
                label.put("name", f.name());
                label.put("kind", f.kind());
                out.add(new Placed("label", area.getInteriorPoint(), label));
            }
        }
        return out;
    }

    /** The first ring is the outline; later rings inside it are holes, others areas of their own. */
    private Geometry area(Feature f, int z) {
        List<double[][]> rings = f.rings();
        Polygon shell = factory.createPolygon(ring(rings.get(0), z));
        List<LinearRing> holes = new ArrayList<>();
        List<Geometry> others = new ArrayList<>();
        for (double[][] r : rings.subList(1, rings.size())) {
            LinearRing ring = ring(r, z);
            if (shell.contains(ring)) {
                holes.add(ring);
            } else {
                others.add(factory.createPolygon(ring));
            }
        }
        Polygon outline = factory.createPolygon(shell.getExteriorRing(), holes.toArray(LinearRing[]::new));
        if (others.isEmpty()) {
            return outline;
        }
        others.add(0, outline);
        return factory.buildGeometry(others);
    }

    private LinearRing ring(double[][] points, int z) {
        Coordinate[] c = coordinates(points, z);
        if (!c[0].equals2D(c[c.length - 1])) {
            c = java.util.Arrays.copyOf(c, c.length + 1);
            c[c.length - 1] = c[0].copy();
        }
        return factory.createLinearRing(c);
    }

    /** Global pixels at zoom z with y up (negated screen y): the encoder flips y into the tile's frame. */
    private static Coordinate[] coordinates(double[][] points, int z) {
        Coordinate[] c = new Coordinate[points.length];
        for (int i = 0; i < points.length; i++) {
            c[i] = new Coordinate(FeatureTileRenderer.pixelX(points[i][0], z), -FeatureTileRenderer.pixelY(points[i][1], z));
        }
        return c;
    }

    private byte[] tile(List<Placed> placed, int x, int y) {
        Envelope tile = new Envelope(x * (double) TILE_PX, (x + 1) * (double) TILE_PX, -(y + 1) * (double) TILE_PX, -y * (double) TILE_PX);
        Envelope clip = new Envelope(tile);
        clip.expandBy(BUFFER_PX);
        Map<String, List<Geometry>> layers = new LinkedHashMap<>();
        LAYERS.forEach(l -> layers.put(l, new ArrayList<>()));
        for (Placed p : placed) {
            if (!p.geometry().getEnvelopeInternal().intersects(clip)) {
                continue;
            }
            Geometry g = JtsAdapter.createTileGeom(p.geometry(), tile, clip, factory, MvtLayerParams.DEFAULT, KEEP_ALL);
            if (g == null || g.isEmpty()) {
                continue;
            }
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Geometry part = g.getGeometryN(i);
                if (!part.isEmpty()) {
                    part.setUserData(p.tags());
                    layers.get(p.layer()).add(part);
                }
            }
        }
        List<JtsLayer> nonEmpty = new ArrayList<>();
        layers.forEach((name, geometries) -> {
            if (!geometries.isEmpty()) {
                nonEmpty.add(new JtsLayer(name, geometries));
            }
        });
        return MvtEncoder.encode(new JtsMvt(nonEmpty), MvtLayerParams.DEFAULT, new UserDataKeyValueMapConverter());
    }

    private static byte[] gzip(byte[] tile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(tile.length / 2 + 32);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(tile);
        } catch (IOException e) {
            throw new TilePackageException("cannot compress a vector tile: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
