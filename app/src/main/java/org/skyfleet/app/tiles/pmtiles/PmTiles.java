package org.skyfleet.app.tiles.pmtiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.skyfleet.app.tiles.TilePackage;
import org.skyfleet.app.tiles.TilePackageException;
import org.skyfleet.fleet.geo.Datum;

/**
 * One PMTiles v3 archive, opened read-only. Opening checks what serving needs, so a bad file is refused with the
 * reason instead of failing tile by tile: the header (magic, version, every section inside the file), the root
 * directory (decoded, each entry pointing inside its section), the JSON metadata, a tile type the console draws
 * (MVT as {@code pbf}, PNG, JPEG, WebP) and tile compression it can send (gzip or none for MVT, none for images).
 * {@link #verify()} walks every leaf directory too, which an import does.
 * <p>A tile is found by its Hilbert id: the root directory (kept in memory), then at most three levels of leaf
 * directories (the last 64 read are kept), then one positional read of its bytes. Positional reads on one
 * channel need no lock, so tiles are read in parallel. Metadata keys read: {@code name}, {@code attribution},
 * {@code skyfleet:datum} (wgs84, gcj02, bd09; WGS-84 if absent).
 */
public final class PmTiles implements TilePackage {
    private static final int MAX_DEPTH = 4;
    private static final int LEAVES_KEPT = 64;

    private final Path file;
    private final FileChannel channel;
    private final long size;
    private final Header header;
    private final List<Directory.Entry> root;
    private final Info info;
    private final Map<Long, List<Directory.Entry>> leaves = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, List<Directory.Entry>> eldest) {
            return size() > LEAVES_KEPT;
        }
    };

    private PmTiles(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
        try {
            this.size = channel.size();
        } catch (IOException e) {
            throw new TilePackageException("cannot read " + file + ": " + e.getMessage(), e);
        }
        this.header = Header.parse(read(0, Math.min(Header.LENGTH, size), "the header"));
        section("root directory", header.rootOffset(), header.rootLength(), size);
        section("metadata", header.metadataOffset(), header.metadataLength(), size);
        section("leaf directories", header.leafOffset(), header.leafLength(), size);
        section("tile data", header.dataOffset(), header.dataLength(), size);
        if (header.rootLength() == 0) {
            throw new PmTilesFormatException("the root directory is empty");
        }
        this.root = directory(header.rootOffset(), header.rootLength(), "the root directory");
        this.info = info(metadata());
    }

    /**
     * Opens and checks an archive (its header, root directory and metadata).
     *
     * @throws TilePackageException saying what is wrong: not there, not PMTiles, another version, truncated, a
     *                              section or entry outside the file, or tiles it cannot serve
     */
    public static PmTiles open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TilePackageException("no such file: " + file);
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new TilePackageException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            return new PmTiles(file, channel);
        } catch (PmTilesFormatException e) {
            close(channel);
            throw new TilePackageException(file.getFileName() + " is not a usable PMTiles archive: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(channel);
            throw e;
        }
    }

    /**
     * Reads every leaf directory and checks each entry points inside its section: what an import does before it
     * copies a file in. @return the number of tile entries (run length above 0) over all directories
     * @throws TilePackageException naming the first fault
     */
    public long verify() {
        try {
            return walk(root, 1);
        } catch (PmTilesFormatException e) {
            throw new TilePackageException(file.getFileName() + " is not a usable PMTiles archive: " + e.getMessage(), e);
        }
    }

    private long walk(List<Directory.Entry> dir, int depth) {
        long tiles = 0;
        for (Directory.Entry e : dir) {
            if (e.leaf()) {
                if (depth >= MAX_DEPTH) {
                    throw new PmTilesFormatException("leaf directories nest deeper than " + MAX_DEPTH + " levels");
                }
                tiles += walk(directory(header.leafOffset() + e.offset(), e.length(), "the leaf directory at " + e.offset()), depth + 1);
            } else {
                tiles++;
            }
        }
        return tiles;
    }

    public Header header() {
        return header;
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
        if (z < info.minZoom() || z > info.maxZoom() || x < 0 || y < 0 || x >= (1L << z) || y >= (1L << z)) {
            return Optional.empty();
        }
        long id = TileIds.of(z, x, y);
        try {
            List<Directory.Entry> dir = root;
            for (int depth = 0; depth < MAX_DEPTH; depth++) {
                Directory.Entry e = Directory.find(dir, id);
                if (e == null) {
                    return Optional.empty();
                }
                if (!e.leaf()) {
                    return Optional.of(read(header.dataOffset() + e.offset(), e.length(), "tile " + z + "/" + x + "/" + y));
                }
                dir = leaf(e);
            }
            throw new PmTilesFormatException("leaf directories nest deeper than " + MAX_DEPTH + " levels");
        } catch (PmTilesFormatException e) {
            throw new TilePackageException("reading tile " + z + "/" + x + "/" + y + " of " + file.getFileName() + ": "
                    + e.getMessage(), e);
        }
    }

    private List<Directory.Entry> leaf(Directory.Entry e) {
        long offset = header.leafOffset() + e.offset();
        synchronized (leaves) {
            List<Directory.Entry> cached = leaves.get(offset);
            if (cached != null) {
                return cached;
            }
        }
        List<Directory.Entry> dir = directory(offset, e.length(), "the leaf directory at " + e.offset());
        synchronized (leaves) {
            leaves.put(offset, dir);
        }
        return dir;
    }

    /** Reads, inflates and decodes a directory, checking each entry points inside the section it refers to. */
    private List<Directory.Entry> directory(long offset, long length, String what) {
        if (length > Integer.MAX_VALUE - 8) {
            throw new PmTilesFormatException(what + " is " + length + " bytes long");
        }
        byte[] raw = read(offset, length, what);
        List<Directory.Entry> entries = Directory.decode(header.internalCompression().decompress(raw, what));
        for (Directory.Entry e : entries) {
            long limit = e.leaf() ? header.leafLength() : header.dataLength();
            if (e.offset() > limit || e.length() > limit - e.offset()) {
                throw new PmTilesFormatException(what + " points outside the " + (e.leaf() ? "leaf directories" : "tile data")
                        + " (entry for tile id " + e.tileId() + ": bytes " + e.offset() + "+" + e.length() + " of " + limit + ")");
            }
        }
        return entries;
    }

    private Map<String, String> metadata() {
        Map<String, String> out = new LinkedHashMap<>();
        if (header.metadataLength() == 0) {
            return out;
        }
        if (header.metadataLength() > Compression.MAX_INFLATED) {
            throw new PmTilesFormatException("its metadata is " + header.metadataLength() + " bytes long");
        }
        byte[] json = header.internalCompression().decompress(read(header.metadataOffset(), header.metadataLength(), "the metadata"),
                "the metadata");
        JsonNode node;
        try {
            node = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new PmTilesFormatException("its metadata is not JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (node == null || !node.isObject()) {
            throw new PmTilesFormatException("its metadata is not a JSON object");
        }
        node.fields().forEachRemaining(f -> {
            if (f.getValue().isValueNode()) {
                out.put(f.getKey(), f.getValue().asText());
            }
        });
        return out;
    }

    private Info info(Map<String, String> meta) {
        String format = switch (header.tileType()) {
            case Header.MVT -> "pbf";
            case Header.PNG -> "png";
            case Header.JPEG -> "jpg";
            case Header.WEBP -> "webp";
            case Header.AVIF -> throw new PmTilesFormatException("its tiles are AVIF, which the console does not draw (png, jpg, webp or mvt)");
            default -> throw new PmTilesFormatException("unknown tile type " + header.tileType() + " (png, jpg, webp or mvt)");
        };
        Compression tc = header.tileCompression();
        boolean servable = format.equals("pbf") ? tc == Compression.GZIP || tc == Compression.NONE || tc == Compression.UNKNOWN
                : tc == Compression.NONE || tc == Compression.UNKNOWN;
        if (!servable) {
            throw new PmTilesFormatException("its " + format + " tiles are " + tc.name().toLowerCase(java.util.Locale.ROOT)
                    + "-compressed, which the server cannot send to a browser (gzip or none for mvt, none for images)");
        }
        if (header.minZoom() > header.maxZoom() || header.maxZoom() > TileIds.MAX_ZOOM) {
            throw new PmTilesFormatException("its zoom range " + header.minZoom() + "-" + header.maxZoom() + " is not one");
        }
        double[] bounds = {header.minLonE7() / 1e7, header.minLatE7() / 1e7, header.maxLonE7() / 1e7, header.maxLatE7() / 1e7};
        if (bounds[0] >= bounds[2] || bounds[1] >= bounds[3]) {
            bounds = new double[] {-180, -85.0511, 180, 85.0511}; // no extent given: the world, as MBTiles assumes
        }
        Datum datum;
        try {
            datum = Datum.parse(meta.getOrDefault("skyfleet:datum", "wgs84"));
        } catch (IllegalArgumentException e) {
            throw new PmTilesFormatException(e.getMessage());
        }
        String stem = file.getFileName().toString().replaceFirst("\\.pmtiles$", "");
        String name = meta.getOrDefault("name", "").strip();
        return new Info(name.isEmpty() ? stem : name, format, header.minZoom(), header.maxZoom(), bounds, datum,
                meta.getOrDefault("attribution", ""));
    }

    private byte[] read(long offset, long length, String what) {
        if (offset < 0 || length < 0 || offset > size || length > size - offset) {
            throw new PmTilesFormatException(what + " lies outside the file (bytes " + offset + "+" + length + " of " + size + "): truncated?");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) length);
        try {
            while (buf.hasRemaining()) {
                int n = channel.read(buf, offset + buf.position());
                if (n < 0) {
                    throw new PmTilesFormatException(what + " runs past the end of the file: truncated");
                }
            }
        } catch (IOException e) {
            throw new TilePackageException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return buf.array();
    }

    private static void section(String name, long offset, long length, long size) {
        if (offset > size || length > size - offset) {
            throw new PmTilesFormatException("its " + name + " (bytes " + offset + "+" + length + ") lies outside the file of "
                    + size + " bytes: truncated or corrupt");
        }
    }

    @Override
    public void close() {
        close(channel);
    }

    private static void close(FileChannel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // a read-only file: nothing to lose
        }
    }
}
