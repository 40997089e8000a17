package org.skyfleet.telemetry.mavlink;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * The MAVLink 2 signature of a signed frame's bytes. A signed frame ends with 13 bytes: link id (1),
 * timestamp (6, little-endian, 10 µs units since 2015-01-01T00:00:00Z) and signature (6), where
 * {@code signature = first 48 bits of SHA-256(secret_key + header + payload + CRC + link_id + timestamp)},
 * that is the hash of the key and every byte of the frame but the last six.
 *
 * <p>Not thread-safe (it holds a digest): one per link, used on the link's thread.
 */
public final class MavlinkSignature {
    /** Link id, timestamp and signature. */
    public static final int LENGTH = 13;
    private static final int SIGNATURE_BYTES = 6;
    /** 2015-01-01T00:00:00Z, the signing epoch, in Unix milliseconds. */
    private static final long SIGNING_EPOCH_MS = 1_420_070_400_000L;

    private final MessageDigest sha256;

    public MavlinkSignature() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** True if a signed frame's signature matches its bytes under {@code key}. Constant time in the comparison. */
    public boolean matches(byte[] signedFrame, byte[] key) {
        if (signedFrame.length < LENGTH) {
            return false;
        }
        int hashed = signedFrame.length - SIGNATURE_BYTES;
        sha256.reset();
        sha256.update(key);
        sha256.update(signedFrame, 0, hashed);
        byte[] hash = sha256.digest();
        int diff = 0;
        for (int i = 0; i < SIGNATURE_BYTES; i++) {
            diff |= hash[i] ^ signedFrame[hashed + i];
        }
        return diff == 0;
    }

    /** The link id of a signed frame. */
    public static int linkId(byte[] signedFrame) {
        return signedFrame[signedFrame.length - LENGTH] & 0xFF;
    }

    /** The 48-bit timestamp of a signed frame. */
    public static long timestamp(byte[] signedFrame) {
        int at = signedFrame.length - LENGTH + 1;
        long t = 0;
        for (int i = 5; i >= 0; i--) {
            t = t << 8 | (signedFrame[at + i] & 0xFF);
        }
        return t;
    }

    /** An instant as a signing timestamp: 10 µs units since 2015-01-01T00:00:00Z (0 before it). */
    public static long timestampOf(Instant t) {
        long units = (t.toEpochMilli() - SIGNING_EPOCH_MS) * 100 + (t.getNano() / 10_000) % 100;
        return Math.max(0, units);
    }
}
