package org.skyfleet.app.tiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.skyfleet.fleet.geo.Datum;

/**
 * Writes an MBTiles 1.3 package: metadata and tiles (TMS rows) in one transaction, so a package is whole or
 * absent. Rows are written in the order given; with the same tiles in the same order the file's content is
 * the same.
 */
public final class MbTilesWriter implements TileSink, AutoCloseable {
    private final Connection connection;
    private final PreparedStatement insert;

    /**
     * @param boundsDeg west, south, east, north
     */
    public MbTilesWriter(Path file, String name, String format, int minZoom, int maxZoom, double[] boundsDeg, Datum datum,
                         String attribution) {
        try {
            Files.deleteIfExists(file);
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            connection.setAutoCommit(false);
            try (var s = connection.createStatement()) {
                s.execute("CREATE TABLE metadata (name TEXT, value TEXT)");
                s.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)");
                s.execute("CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)");
            }
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("name", name);
            meta.put("format", format);
            meta.put("type", "baselayer");
            meta.put("version", "1");
            meta.put("minzoom", String.valueOf(minZoom));
            meta.put("maxzoom", String.valueOf(maxZoom));
            meta.put("bounds", String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", boundsDeg[0], boundsDeg[1], boundsDeg[2], boundsDeg[3]));
            meta.put("attribution", attribution);
            meta.put("skyfleet:datum", datum.name().toLowerCase(Locale.ROOT));
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO metadata (name, value) VALUES (?, ?)")) {
                for (var e : meta.entrySet()) {
                    ps.setString(1, e.getKey());
                    ps.setString(2, e.getValue());
                    ps.executeUpdate();
                }
            }
            insert = connection.prepareStatement("INSERT INTO tiles (zoom_level, tile_column, tile_row, tile_data) VALUES (?, ?, ?, ?)");
        } catch (SQLException | java.io.IOException e) {
            throw new TilePackageException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Adds the tile at z/x/y in the XYZ scheme (y from the north). */
    @Override
    public void put(int z, int x, int y, byte[] data) {
        try {
            insert.setInt(1, z);
            insert.setInt(2, x);
            insert.setLong(3, (1L << z) - 1 - y);
            insert.setBytes(4, data);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new TilePackageException("cannot write tile " + z + "/" + x + "/" + y + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.commit();
            connection.close();
        } catch (SQLException e) {
            throw new TilePackageException("cannot finish the package: " + e.getMessage(), e);
        }
    }
}
