package org.skyfleet.app.tiles;

import java.nio.file.Path;
import java.util.Optional;
import org.skyfleet.fleet.geo.Datum;

/**
 * One tile package the server serves, whatever its file format (MBTiles, PMTiles): what it says of itself and
 * its tiles by z/x/y. Implementations are safe to read from several threads.
 */
public interface TilePackage extends AutoCloseable {
    /**
     * What a package says of itself.
     *
     * @param format    png, jpg, webp (raster) or pbf (Mapbox Vector Tiles)
     * @param boundsDeg west, south, east, north in the package's datum
     */
    record Info(String name, String format, int minZoom, int maxZoom, double[] boundsDeg, Datum datum,
                String attribution) {
        public boolean vector() {
            return format.equals("pbf");
        }

        public String contentType() {
            return switch (format) {
                case "png" -> "image/png";
                case "jpg", "jpeg" -> "image/jpeg";
                case "webp" -> "image/webp";
                default -> "application/x-protobuf";
            };
        }
    }

    Info info();

    /** The file it was opened from. */
    Path file();

    /** The tile at z/x/y in the XYZ scheme browsers use (y from the north), as stored; empty if there is none. */
    Optional<byte[]> tile(int z, int x, int y);

    @Override
    void close();
}
