package org.skyfleet.app.tiles.pmtiles;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The 127-byte PMTiles v3 header, little-endian: magic {@code PMTiles}, version 3, then offset and length of the root
 * directory, the JSON metadata, the leaf directories and the tile data; tile counts; the clustered flag; internal
 * and tile compression; tile type; zooms; bounds and centre as degrees x 10^7.
 *
 * @param tileType 0 unknown, 1 MVT, 2 PNG, 3 JPEG, 4 WebP, 5 AVIF
 */
public record Header(long rootOffset, long rootLength, long metadataOffset, long metadataLength, long leafOffset,
                     long leafLength, long dataOffset, long dataLength, long addressedTiles, long tileEntries,
                     long tileContents, boolean clustered, Compression internalCompression,
                     Compression tileCompression, int tileType, int minZoom, int maxZoom, int minLonE7, int minLatE7,
                     int maxLonE7, int maxLatE7, int centerZoom, int centerLonE7, int centerLatE7) {
    public static final int LENGTH = 127;
    static final byte[] MAGIC = "PMTiles".getBytes(StandardCharsets.US_ASCII);
    public static final int VERSION = 3;
    public static final int MVT = 1;
    public static final int PNG = 2;
    public static final int JPEG = 3;
    public static final int WEBP = 4;
    public static final int AVIF = 5;

    /** Reads a header. @throws PmTilesFormatException for too few bytes, the wrong magic or another version */
    public static Header parse(byte[] bytes) {
        if (bytes.length < LENGTH) {
            boolean magic = bytes.length >= MAGIC.length && java.util.Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
            throw new PmTilesFormatException(magic ? "truncated: " + bytes.length + " bytes, shorter than the 127-byte header"
                    : "not a PMTiles archive: it does not start with 'PMTiles'");
        }
        if (!java.util.Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new PmTilesFormatException("not a PMTiles archive: it does not start with 'PMTiles'");
        }
        int version = bytes[7] & 0xff;
        if (version != VERSION) {
            throw new PmTilesFormatException("PMTiles version " + version + " is not read here (version 3 is)");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, 8, LENGTH - 8).order(ByteOrder.LITTLE_ENDIAN);
        long[] u = new long[11];
        for (int i = 0; i < u.length; i++) {
            u[i] = b.getLong();
            if (u[i] < 0) {
                throw new PmTilesFormatException("header field " + i + " is past 2^63 (corrupt header)");
            }
        }
        boolean clustered = b.get() == 1;
        Compression internal = Compression.of(b.get() & 0xff);
        Compression tile = Compression.of(b.get() & 0xff);
        int type = b.get() & 0xff;
        int minZoom = b.get() & 0xff;
        int maxZoom = b.get() & 0xff;
        int minLon = b.getInt();
        int minLat = b.getInt();
        int maxLon = b.getInt();
        int maxLat = b.getInt();
        int centerZoom = b.get() & 0xff;
        int centerLon = b.getInt();
        int centerLat = b.getInt();
        return new Header(u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9], u[10], clustered, internal, tile,
                type, minZoom, maxZoom, minLon, minLat, maxLon, maxLat, centerZoom, centerLon, centerLat);
    }

    /** The header's 127 bytes. */
    public byte[] bytes() {
        ByteBuffer b = ByteBuffer.allocate(LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) VERSION);
        for (long v : new long[] {rootOffset, rootLength, metadataOffset, metadataLength, leafOffset, leafLength,
            dataOffset, dataLength, addressedTiles, tileEntries, tileContents}) {
            b.putLong(v);
        }
        b.put((byte) (clustered ? 1 : 0)).put((byte) internalCompression.code()).put((byte) tileCompression.code())
                .put((byte) tileType).put((byte) minZoom).put((byte) maxZoom);
        b.putInt(minLonE7).putInt(minLatE7).putInt(maxLonE7).putInt(maxLatE7);
        b.put((byte) centerZoom).putInt(centerLonE7).putInt(centerLatE7);
        return b.array();
    }
}
