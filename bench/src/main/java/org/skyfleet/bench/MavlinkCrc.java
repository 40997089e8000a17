package org.skyfleet.bench;

/** MAVLink's checksum (CRC-16/MCRF4XX, "X.25"), for patching frames in place in the load generator. */
final class MavlinkCrc {
    private MavlinkCrc() {
    }

    /** Checksum over {@code frame[1..end)} (everything after the start byte) plus the message's CRC_EXTRA. */
    static int frameChecksum(byte[] frame, int end, int crcExtra) {
        int crc = 0xFFFF;
        for (int i = 1; i < end; i++) {
            crc = accumulate(crc, frame[i]);
        }
        return accumulate(crc, (byte) crcExtra);
    }

    private static int accumulate(int crc, byte b) {
        int tmp = (b ^ crc) & 0xFF;
        tmp ^= (tmp << 4) & 0xFF;
        return ((crc >> 8) ^ (tmp << 8) ^ (tmp << 3) ^ (tmp >> 4)) & 0xFFFF;
    }
}
