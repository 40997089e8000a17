package org.skyfleet.app.tiles.pmtiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyfleet.app.tiles.TilePackageException;
import org.skyfleet.app.tiles.TilePackages;
import org.skyfleet.fleet.geo.Datum;

/**
 * Archives written by {@link PmTilesWriter} and read back by {@link PmTiles}: every tile byte for byte, through leaf
 * directories and runs of repeated tiles; and the faults an import must refuse, each named: the wrong magic, another
 * version, a truncated file, a directory pointing outside the file, tiles the server cannot send.
 */
class PmTilesTest {
    private static final double[] NINGBO = {121.50, 29.80, 121.60, 29.90};

    @TempDir
    Path dir;

    /** Tiles over zooms 10..14 around Ningbo, each of a few distinct bytes, with the sea's tile repeated. */
    private static Map<String, byte[]> tiles(int zMax) {
        Map<String, byte[]> out = new HashMap<>();
        Random random = new Random(7);
        byte[] sea = {1, 2, 3, 4, 5};
        for (int z = 10; z <= zMax; z++) {
            long n = 1L << z;
            int x0 = (int) ((NINGBO[0] + 180) / 360 * n);
            int x1 = (int) ((NINGBO[2] + 180) / 360 * n);
            int y0 = lat2y(NINGBO[3], n);
            int y1 = lat2y(NINGBO[1], n);
            for (int x = x0; x <= x1; x++) {
                for (int y = y0; y <= y1; y++) {
                    byte[] t = new byte[8 + random.nextInt(40)];
                    random.nextBytes(t);
                    out.put(z + "/" + x + "/" + y, (x + y) % 3 == 0 ? sea : t);
                }
            }
        }
        return out;
    }

    private static int lat2y(double lat, long n) {
        double r = Math.toRadians(lat);
        return (int) ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n);
    }

    private Path write(String name, Map<String, byte[]> tiles, int leafEntries) {
        Path file = dir.resolve(name);
        try (PmTilesWriter w = new PmTilesWriter(file, "宁波 PMTiles", "png", 10, 14, NINGBO, Datum.GCJ02, "test").leafEntries(leafEntries)) {
            tiles.forEach((k, v) -> {
                int[] zxy = Arrays.stream(k.split("/")).mapToInt(Integer::parseInt).toArray();
                w.put(zxy[0], zxy[1], zxy[2], v);
            });
        }
        return file;
    }

    @Test
    void everyTileComesBackThroughLeafDirectoriesAndRuns() {
        Map<String, byte[]> tiles = tiles(14);
        Path file = write("ningbo.pmtiles", tiles, 16);
        try (PmTiles p = PmTiles.open(file)) {
            Header h = p.header();
            assertThat(h.leafLength()).as("16 entries a leaf make leaf directories").isPositive();
            assertThat(h.addressedTiles()).isEqualTo(tiles.size());
            assertThat(h.tileContents()).isLessThan(tiles.size()); // the sea stored once
            assertThat(p.verify()).isEqualTo(h.tileEntries());
            assertThat(p.info().name()).isEqualTo("宁波 PMTiles");
            assertThat(p.info().format()).isEqualTo("png");
            assertThat(p.info().datum()).isEqualTo(Datum.GCJ02);
            assertThat(p.info().boundsDeg()).containsExactly(NINGBO);
            tiles.forEach((k, v) -> {
                int[] zxy = Arrays.stream(k.split("/")).mapToInt(Integer::parseInt).toArray();
                assertThat(p.tile(zxy[0], zxy[1], zxy[2])).as(k).hasValueSatisfying(b -> assertThat(b).isEqualTo(v));
            });
            assertThat(p.tile(14, 0, 0)).isEmpty();
            assertThat(p.tile(9, 427, 214)).as("outside the zooms").isEmpty();
            assertThat(p.tile(15, 1 << 14, 0)).isEmpty();
        }
    }

    @Test
    void aSmallArchiveHasOnlyARootAndTheSameTilesGiveTheSameFile() throws Exception {
        Map<String, byte[]> tiles = tiles(12);
        Path one = write("one.pmtiles", tiles, 4096);
        Path two = write("two.pmtiles", new java.util.TreeMap<>(tiles), 4096);
        try (PmTiles p = PmTiles.open(one)) {
            assertThat(p.header().leafLength()).isZero();
            assertThat(p.header().rootOffset() + p.header().rootLength()).isLessThanOrEqualTo(16_384);
        }
        try (PmTiles a = PmTiles.open(one); PmTiles b = PmTiles.open(two)) {
            tiles.keySet().forEach(k -> {
                int[] zxy = Arrays.stream(k.split("/")).mapToInt(Integer::parseInt).toArray();
                assertThat(a.tile(zxy[0], zxy[1], zxy[2]).get()).isEqualTo(b.tile(zxy[0], zxy[1], zxy[2]).get());
            });
        }
    }

    @Test
    void theWrongMagicIsRefused() throws Exception {
        Path good = write("good.pmtiles", tiles(11), 4096);
        byte[] bytes = Files.readAllBytes(good);
        bytes[0] = 'X';
        assertRefused(bytes, "not a PMTiles archive");
    }

    @Test
    void anotherVersionIsRefused() throws Exception {
        byte[] bytes = Files.readAllBytes(write("good.pmtiles", tiles(11), 4096));
        bytes[7] = 4;
        assertRefused(bytes, "version 4");
    }

    @Test
    void aTruncatedArchiveIsRefused() throws Exception {
        byte[] bytes = Files.readAllBytes(write("good.pmtiles", tiles(11), 4096));
        assertRefused(Arrays.copyOf(bytes, 100), "truncated");
        assertRefused(Arrays.copyOf(bytes, bytes.length - 1), "lies outside the file");
    }

    @Test
    void aDirectoryPointingOutsideTheFileIsRefused() throws Exception {
        Path file = write("good.pmtiles", tiles(13), 4); // leaves: the fault is one level down
        Header h;
        try (PmTiles p = PmTiles.open(file)) {
            h = p.header();
        }
        byte[] bytes = Files.readAllBytes(file);
        // rewrite the last leaf directory with an entry whose tile lies past the data section
        List<Directory.Entry> root = Directory.decode(Compression.GZIP.decompress(
                Arrays.copyOfRange(bytes, (int) h.rootOffset(), (int) (h.rootOffset() + h.rootLength())), "root"));
        Directory.Entry lastLeaf = root.get(root.size() - 1);
        int at = (int) (h.leafOffset() + lastLeaf.offset());
        List<Directory.Entry> leaf = Directory.decode(Compression.GZIP.decompress(
                Arrays.copyOfRange(bytes, at, at + (int) lastLeaf.length()), "leaf"));
        Directory.Entry e = leaf.get(0);
        byte[] bad = Compression.GZIP.compress(Directory.encode(List.of(new Directory.Entry(e.tileId(), h.dataLength() - 2, 10, 1))));
        byte[] rebuilt = Arrays.copyOf(bytes, bytes.length);
        // write the bad leaf at the end and point the root's last entry at it
        byte[] withLeaf = Arrays.copyOf(rebuilt, rebuilt.length + bad.length);
        System.arraycopy(bad, 0, withLeaf, rebuilt.length, bad.length);
        List<Directory.Entry> newRoot = new java.util.ArrayList<>(root.subList(0, root.size() - 1));
        long newLeafOffset = rebuilt.length - h.leafOffset();
        newRoot.add(new Directory.Entry(lastLeaf.tileId(), newLeafOffset, bad.length, 0));
        byte[] rootBytes = Compression.GZIP.compress(Directory.encode(newRoot));
        // put the new root at the very end as well, and widen the leaf section to cover the bad leaf
        byte[] out = Arrays.copyOf(withLeaf, withLeaf.length + rootBytes.length);
        System.arraycopy(rootBytes, 0, out, withLeaf.length, rootBytes.length);
        ByteBuffer hb = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        hb.putLong(8, withLeaf.length).putLong(16, rootBytes.length).putLong(48, withLeaf.length - h.leafOffset());
        Path broken = dir.resolve("broken.pmtiles");
        Files.write(broken, out);
        assertThat(PmTiles.open(broken).info().format()).as("the root is fine: the fault is in a leaf").isEqualTo("png");
        assertThatThrownBy(() -> TilePackages.importFile(broken, dir.resolve("tiles"), "broken", false))
                .isInstanceOf(TilePackageException.class).hasMessageContaining("points outside the tile data");
        assertThat(dir.resolve("tiles").resolve("broken.pmtiles")).doesNotExist();
        // and a root entry pointing past the data section is refused at open
        ByteBuffer hb2 = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        hb2.putLong(48, 3); // the leaf section shrinks to 3 bytes: the root's leaf pointers now point outside it
        assertRefused(bytes, "points outside the leaf directories");
    }

    @Test
    void tilesTheBrowserCannotTakeAreRefused() throws Exception {
        byte[] bytes = Files.readAllBytes(write("good.pmtiles", tiles(11), 4096));
        byte[] brotli = bytes.clone();
        brotli[98] = 3; // tile compression: brotli
        assertRefused(brotli, "brotli-compressed");
        byte[] avif = bytes.clone();
        avif[99] = 5;
        assertRefused(avif, "AVIF");
        byte[] zstdDirs = bytes.clone();
        zstdDirs[97] = 4;
        assertRefused(zstdDirs, "zstd-compressed");
    }

    @Test
    void anMbTilesNamedPmTilesIsRefusedAsNotPmTiles() throws Exception {
        assertRefused("SQLite format 3\0 and more, but no PMTiles header at all here......".repeat(3).getBytes(StandardCharsets.US_ASCII),
                "not a PMTiles archive: it does not start with 'PMTiles'");
    }

    private void assertRefused(byte[] bytes, String reason) throws Exception {
        Path bad = dir.resolve("bad-" + Math.abs(Arrays.hashCode(bytes)) + ".pmtiles");
        Files.write(bad, bytes);
        assertThatThrownBy(() -> TilePackages.importFile(bad, dir.resolve("tiles"), "bad", false))
                .isInstanceOf(TilePackageException.class).hasMessageContaining(reason).hasMessageContaining(bad.getFileName().toString());
        assertThat(dir.resolve("tiles").resolve("bad.pmtiles")).doesNotExist();
    }
}
