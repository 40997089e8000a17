package org.skyfleet.telemetry.mavlink;

/**
 * Reads little-endian MAVLink payload fields by byte offset. Bytes past the end read as zero, which
 * is how MAVLink 2 restores the trailing zeros a sender trimmed.
 */
final class PayloadReader {
    private final byte[] p;

    PayloadReader(byte[] payload) {
        this.p = payload;
    }

    int u8(int at) {
        return at < p.length ? p[at] & 0xFF : 0;
    }

    int i8(int at) {
        return at < p.length ? p[at] : 0;
    }

    int u16(int at) {
        return u8(at) | u8(at + 1) << 8;
    }

    int i16(int at) {
        return (short) u16(at);
    }

    long u32(int at) {
        return i32(at) & 0xFFFF_FFFFL;
    }

    int i32(int at) {
        return u8(at) | u8(at + 1) << 8 | u8(at + 2) << 16 | u8(at + 3) << 24;
    }

    long i64(int at) {
        return u32(at) | (long) i32(at + 4) << 32;
    }

    float f32(int at) {
        return Float.intBitsToFloat(i32(at));
    }
}
