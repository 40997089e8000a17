package org.skyfleet.app.tiles.pmtiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.skyfleet.app.tiles.TilePackageException;
import org.skyfleet.app.tiles.TileSink;
import org.skyfleet.fleet.geo.Datum;

/**
 * Writes a PMTiles v3 archive: header, root directory, JSON metadata, leaf directories, tile data, in that order,
 * directories and metadata gzipped. Tiles may come in any order; their bytes go to a scratch file as they come
 * (identical tiles stored once, by SHA-256, as the sea around a city is), and {@link #close()} sorts them by tile
 * id, run-length encodes consecutive ids with the same bytes, and builds the directories: one root when it has at
 * most {@code leafEntries} entries (4096) and fits the specification's 16 KiB with the header, else leaves of
 * {@code leafEntries} entries (doubled until the root of leaf pointers fits). The archive is written beside its target and moved into place whole.
 * <p>MVT tiles are written as given: gzipped tiles (as {@code FeatureVectorTiles} makes them) set the header's tile
 * compression to gzip, plain ones to none; a mix is refused.
 */
public final class PmTilesWriter implements TileSink, AutoCloseable {
    static final int ROOT_LIMIT = 16_384 - Header.LENGTH;

    private record Placed(long tileId, long offset, int length) {
    }

    private final Path file;
    private final Path scratch;
    private final OutputStream data;
    private final String name;
    private final int tileType;
    private final int minZoom;
    private final int maxZoom;
    private final double[] boundsDeg;
    private final Datum datum;
    private final String attribution;
    private final List<Placed> placed = new ArrayList<>();
    private final Map<String, long[]> byContent = new HashMap<>();
    private final MessageDigest sha;
    private int leafEntries = 4096;
    private long written;
    private Boolean gzipped;

    /**
     * @param format    png, jpg, webp or pbf (Mapbox Vector Tiles)
     * @param boundsDeg west, south, east, north
     */
    public PmTilesWriter(Path file, String name, String format, int minZoom, int maxZoom, double[] boundsDeg, Datum datum,
                         String attribution) {
        this.file = file;
        this.name = name;
        this.tileType = switch (format.toLowerCase(Locale.ROOT)) {
            case "pbf", "mvt" -> Header.MVT;
            case "png" -> Header.PNG;
            case "jpg", "jpeg" -> Header.JPEG;
            case "webp" -> Header.WEBP;
            default -> throw new TilePackageException("PMTiles cannot hold '" + format + "' tiles (png, jpg, webp or pbf)");
        };
        this.minZoom = minZoom;
        this.maxZoom = maxZoom;
        this.boundsDeg = boundsDeg.clone();
        this.datum = datum;
        this.attribution = attribution;
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            this.scratch = Files.createTempFile(parent, "." + file.getFileName(), ".tiles");
            this.data = new java.io.BufferedOutputStream(Files.newOutputStream(scratch), 1 << 16);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new TilePackageException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Entries per leaf directory when the root alone is too big (tests set it small to make leaves). */
    public PmTilesWriter leafEntries(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("leaf entries " + n);
        }
        this.leafEntries = n;
        return this;
    }

    @Override
    public void put(int z, int x, int y, byte[] tile) {
        if (tile.length == 0) {
            throw new TilePackageException("tile " + z + "/" + x + "/" + y + " is empty: PMTiles stores no empty tiles");
        }
        if (tileType == Header.MVT) {
            boolean gz = tile.length > 2 && (tile[0] & 0xff) == 0x1f && (tile[1] & 0xff) == 0x8b;
            if (gzipped != null && gzipped != gz) {
                throw new TilePackageException("tile " + z + "/" + x + "/" + y + " is " + (gz ? "" : "not ")
                        + "gzipped, unlike the tiles before it: one archive has one tile compression");
            }
            gzipped = gz;
        }
        long id = TileIds.of(z, x, y);
        String key = java.util.HexFormat.of().formatHex(sha.digest(tile));
        long[] at = byContent.get(key);
        if (at == null) {
            try {
                data.write(tile);
            } catch (IOException e) {
                throw new TilePackageException("cannot write " + file + ": " + e.getMessage(), e);
            }
            at = new long[] {written};
            byContent.put(key, at);
            written += tile.length;
        }
        placed.add(new Placed(id, at[0], tile.length));
    }

    /** Writes the archive. @throws TilePackageException if there is no tile or the file cannot be written */
    @Override
    public void close() {
        try {
            data.close();
            if (placed.isEmpty()) {
                throw new TilePackageException("no tiles to write to " + file);
            }
            placed.sort(Comparator.comparingLong(Placed::tileId));
            List<Directory.Entry> entries = runs();
            byte[] metadata = Compression.GZIP.compress(metadataJson());
            byte[] root = Compression.GZIP.compress(Directory.encode(entries));
            byte[] leaves = new byte[0];
            if (root.length > ROOT_LIMIT || entries.size() > leafEntries) {
                ByteArrayOutputStream leafBytes = new ByteArrayOutputStream();
                for (int per = leafEntries; ; per *= 2) {
                    leafBytes.reset();
                    List<Directory.Entry> pointers = new ArrayList<>();
                    for (int i = 0; i < entries.size(); i += per) {
                        List<Directory.Entry> chunk = entries.subList(i, Math.min(entries.size(), i + per));
                        byte[] leaf = Compression.GZIP.compress(Directory.encode(chunk));
                        pointers.add(new Directory.Entry(chunk.get(0).tileId(), leafBytes.size(), leaf.length, 0));
                        leafBytes.write(leaf);
                    }
                    root = Compression.GZIP.compress(Directory.encode(pointers));
                    if (root.length <= ROOT_LIMIT) {
                        break;
                    }
                }
                leaves = leafBytes.toByteArray();
            }
            long rootOffset = Header.LENGTH;
            long metadataOffset = rootOffset + root.length;
            long leafOffset = metadataOffset + metadata.length;
            long dataOffset = leafOffset + leaves.length;
            long addressed = entries.stream().mapToLong(Directory.Entry::runLength).sum();
            boolean clustered = isClustered(entries);
            Header h = new Header(rootOffset, root.length, metadataOffset, metadata.length, leafOffset, leaves.length,
                    dataOffset, written, addressed, entries.size(), byContent.size(), clustered, Compression.GZIP,
                    tileType != Header.MVT ? Compression.NONE : Boolean.TRUE.equals(gzipped) ? Compression.GZIP : Compression.NONE,
                    tileType, minZoom, maxZoom, e7(boundsDeg[0]), e7(boundsDeg[1]), e7(boundsDeg[2]), e7(boundsDeg[3]), minZoom,
                    e7((boundsDeg[0] + boundsDeg[2]) / 2), e7((boundsDeg[1] + boundsDeg[3]) / 2));
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".writing");
            try {
                try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                     FileChannel in = FileChannel.open(scratch, StandardOpenOption.READ)) {
                    for (byte[] part : new byte[][] {h.bytes(), root, metadata, leaves}) {
                        ByteBuffer b = ByteBuffer.wrap(part);
                        while (b.hasRemaining()) {
                            out.write(b);
                        }
                    }
                    long done = 0;
                    while (done < written) {
                        done += in.transferTo(done, written - done, out);
                    }
                }
                try { // a temp file is private; a package is for the server to read
                    Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system: its defaults stand
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new TilePackageException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(scratch);
            } catch (IOException ignored) {
                // a scratch file left in a temp name: harmless
            }
        }
    }

    /** Consecutive ids whose bytes are the same blob become one entry with a run length. */
    private List<Directory.Entry> runs() {
        List<Directory.Entry> out = new ArrayList<>();
        Placed start = null;
        long run = 0;
        long lastId = -1;
        for (Placed p : placed) {
            if (p.tileId() == lastId) {
                throw new TilePackageException("tile id " + p.tileId() + " was given twice");
            }
            if (start != null && p.offset() == start.offset() && p.tileId() == start.tileId() + run) {
                run++;
            } else {
                if (start != null) {
                    out.add(new Directory.Entry(start.tileId(), start.offset(), start.length(), run));
                }
                start = p;
                run = 1;
            }
            lastId = p.tileId();
        }
        out.add(new Directory.Entry(start.tileId(), start.offset(), start.length(), run));
        return out;
    }

    /** Clustered: blobs in id order, each either right after the previous one or a repeat of an earlier one. */
    private static boolean isClustered(List<Directory.Entry> entries) {
        long next = 0;
        for (Directory.Entry e : entries) {
            if (e.offset() == next) {
                next += e.length();
            } else if (e.offset() > next) {
                return false;
            }
        }
        return true;
    }

    private byte[] metadataJson() {
        ObjectNode m = new ObjectMapper().createObjectNode();
        m.put("name", name);
        m.put("type", "baselayer");
        m.put("attribution", attribution);
        m.put("skyfleet:datum", datum.name().toLowerCase(Locale.ROOT));
        m.put("generator", "SkyFleet");
        return m.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static int e7(double deg) {
        return (int) Math.round(deg * 1e7);
    }
}
