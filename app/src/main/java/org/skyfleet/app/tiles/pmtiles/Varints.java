package org.skyfleet.app.tiles.pmtiles;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Unsigned little-endian base-128 varints (LEB128, as Protocol Buffers): seven bits a byte, low bits first, the
 * high bit set on every byte but the last. PMTiles directories store every number this way. Values are unsigned
 * 64-bit; one that does not fit a non-negative {@code long} is refused, as is one that runs off the end.
 */
final class Varints {
    private Varints() {
    }

    static void write(ByteArrayOutputStream out, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("varint of a negative number: " + value);
        }
        while (value >= 0x80) {
            out.write((int) (value & 0x7f) | 0x80);
            value >>>= 7;
        }
        out.write((int) value);
    }

    /** @throws PmTilesFormatException if the bytes end inside the varint or it exceeds 2^63 - 1 */
    static long read(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (!in.hasRemaining()) {
                throw new PmTilesFormatException("a directory ends inside a number (truncated)");
            }
            int b = in.get() & 0xff;
            if (shift == 63 && b > 0) {
                throw new PmTilesFormatException("a directory number is larger than 2^63 - 1");
            }
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new PmTilesFormatException("a directory number runs past ten bytes");
    }
}
