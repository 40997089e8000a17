package org.skyfleet.app.tiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.skyfleet.fleet.geo.Datum;
import org.sqlite.SQLiteConfig;

/**
 * One MBTiles 1.3 package (a SQLite file: {@code metadata(name, value)} and {@code tiles(zoom_level,
 * tile_column, tile_row, tile_data)} with TMS rows, y counted from the south), opened read-only. Opening
 * checks what serving needs, so a bad file is refused with the reason instead of failing tile by tile: a
 * SQLite file, both tables, a name, a known format (png, jpg, webp raster; pbf vector), a zoom range, and the
 * integrity of the database. The datum comes from the metadata key {@code skyfleet:datum} (wgs84, gcj02 or
 * bd09), WGS-84 if absent, as the MBTiles spec assumes.
 * <p>Reads are serialised on the one connection: tiles are small, the console's demand is a screenful at a time.
 */
public final class MbTiles implements TilePackage {
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final Path file;
    private final Connection connection;
    private final PreparedStatement tile;
    private final Info info;

    private MbTiles(Path file, Connection connection, Info info) throws SQLException {
        this.file = file;
        this.connection = connection;
        this.info = info;
        this.tile = connection.prepareStatement("SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?");
    }

    /**
     * Opens and checks a package.
     *
     * @throws TilePackageException saying what is wrong: not there, not SQLite, corrupt, or not MBTiles
     */
    public static MbTiles open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TilePackageException("no such file: " + file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(SQLITE_MAGIC.length);
            if (!java.util.Arrays.equals(head, SQLITE_MAGIC)) {
                throw new TilePackageException(file.getFileName() + " is not an MBTiles package: not a SQLite database"
                        + " (MBTiles is SQLite; a PMTiles file is named .pmtiles)");
            }
        } catch (IOException e) {
            throw new TilePackageException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Connection c = null;
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
            try (var s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
                String verdict = rs.next() ? rs.getString(1) : "no answer";
                if (!"ok".equals(verdict)) {
                    throw new TilePackageException(file.getFileName() + " is corrupt: SQLite's integrity check says " + verdict);
                }
            }
            Info info = readInfo(c, file);
            return new MbTiles(file, c, info);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new TilePackageException(file.getFileName() + " is corrupt or not MBTiles: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private static Info readInfo(Connection c, Path file) throws SQLException {
        Map<String, String> meta = new HashMap<>();
        try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name, value FROM metadata")) {
            while (rs.next()) {
                meta.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new TilePackageException(file.getFileName() + " is not MBTiles: no metadata table (" + e.getMessage() + ")", e);
        }
        try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles LIMIT 1")) {
            rs.next();
        } catch (SQLException e) {
            throw new TilePackageException(file.getFileName() + " is not MBTiles: no tiles table (" + e.getMessage() + ")", e);
        }
        String name = meta.getOrDefault("name", "").strip();
        if (name.isEmpty()) {
            throw new TilePackageException(file.getFileName() + " is not MBTiles: its metadata has no name");
        }
        String format = meta.getOrDefault("format", "").strip().toLowerCase(Locale.ROOT);
        if (!java.util.Set.of("png", "jpg", "jpeg", "webp", "pbf").contains(format)) {
            throw new TilePackageException(file.getFileName() + ": unknown tile format '" + format + "' (png, jpg, webp or pbf)");
        }
        int minZoom = zoom(meta, "minzoom", c, "MIN", file);
        int maxZoom = zoom(meta, "maxzoom", c, "MAX", file);
        double[] bounds = bounds(meta.get("bounds"), file);
        Datum datum;
        try {
            datum = Datum.parse(meta.getOrDefault("skyfleet:datum", "wgs84"));
        } catch (IllegalArgumentException e) {
            throw new TilePackageException(file.getFileName() + ": " + e.getMessage(), e);
        }
        return new Info(name, format, minZoom, maxZoom, bounds, datum, meta.getOrDefault("attribution", ""));
    }

    private static int zoom(Map<String, String> meta, String key, Connection c, String agg, Path file) throws SQLException {
        String v = meta.get(key);
        if (v != null) {
            try {
                return Integer.parseInt(v.strip());
            } catch (NumberFormatException e) {
                throw new TilePackageException(file.getFileName() + ": metadata " + key + " is not a number: '" + v + "'");
            }
        }
        try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + agg + "(zoom_level) FROM tiles")) {
            if (rs.next() && rs.getObject(1) != null) {
                return rs.getInt(1);
            }
        }
        throw new TilePackageException(file.getFileName() + " has no tiles");
    }

    private static double[] bounds(String v, Path file) {
        if (v == null || v.isBlank()) {
            return new double[] {-180, -85.0511, 180, 85.0511};
        }
        String[] parts = v.split(",");
        if (parts.length != 4) {
            throw new TilePackageException(file.getFileName() + ": metadata bounds must be 'west,south,east,north', got '" + v + "'");
        }
        double[] b = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                b[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new TilePackageException(file.getFileName() + ": metadata bounds are not numbers: '" + v + "'");
            }
        }
        return b;
    }

    @Override
    public Info info() {
        return info;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public Optional<byte[]> tile(int z, int x, int y) {
        if (z < 0 || z > 30 || x < 0 || y < 0 || x >= (1L << z) || y >= (1L << z)) {
            return Optional.empty();
        }
        long tmsRow = (1L << z) - 1 - y;
        synchronized (tile) {
            try {
                tile.setInt(1, z);
                tile.setInt(2, x);
                tile.setLong(3, tmsRow);
                try (ResultSet rs = tile.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new TilePackageException("reading tile " + z + "/" + x + "/" + y + " of " + file.getFileName() + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /** Hands every tile to {@code sink}, by zoom, column and row: what a conversion to another format reads. */
    public void forEachTile(TileSink sink) {
        synchronized (tile) {
            try (var s = connection.createStatement();
                 ResultSet rs = s.executeQuery("SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles "
                         + "ORDER BY zoom_level, tile_column, tile_row")) {
                while (rs.next()) {
                    int z = rs.getInt(1);
                    long tmsRow = rs.getLong(3);
                    byte[] data = rs.getBytes(4);
                    if (z >= 0 && z <= 30 && data != null && data.length > 0) {
                        sink.put(z, rs.getInt(2), (int) ((1L << z) - 1 - tmsRow), data);
                    }
                }
            } catch (SQLException e) {
                throw new TilePackageException("reading the tiles of " + file.getFileName() + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing a read-only connection: nothing to lose
            }
        }
    }
}
