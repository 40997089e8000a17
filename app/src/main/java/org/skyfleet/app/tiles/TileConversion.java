package org.skyfleet.app.tiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.skyfleet.app.tiles.pmtiles.PmTilesWriter;

/**
 * MBTiles to PMTiles, tile for tile: the same bytes (vector tiles stay gzipped as stored), name, format, zooms,
 * bounds, datum and attribution. An operator converts a package to ship one file that needs no SQLite, or the
 * renderer writes a {@code .pmtiles} this way.
 */
public final class TileConversion {
    private TileConversion() {
    }

    /** @return the number of tiles written */
    public static long toPmTiles(Path mbtiles, Path out) {
        try (MbTiles in = MbTiles.open(mbtiles)) {
            TilePackage.Info i = in.info();
            long[] n = {0};
            try (PmTilesWriter w = new PmTilesWriter(out, i.name(), i.format(), i.minZoom(), i.maxZoom(), i.boundsDeg(), i.datum(),
                    i.attribution())) {
                in.forEachTile((z, x, y, data) -> {
                    w.put(z, x, y, data);
                    n[0]++;
                });
            }
            return n[0];
        }
    }

    /** Runs {@code render} into a scratch MBTiles beside {@code out} and converts it when {@code out} is a .pmtiles. */
    public static <T> T renderTo(Path out, RenderInto<T> render) {
        if (!out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".pmtiles")) {
            return render.into(out);
        }
        Path scratch = out.resolveSibling("." + out.getFileName() + ".mbtiles");
        try {
            T result = render.into(scratch);
            toPmTiles(scratch, out);
            return result;
        } finally {
            try {
                Files.deleteIfExists(scratch);
            } catch (IOException ignored) {
                // a hidden scratch file left beside the package: harmless
            }
        }
    }

    /** A renderer that writes an MBTiles file. */
    @FunctionalInterface
    public interface RenderInto<T> {
        T into(Path mbtiles);
    }
}
