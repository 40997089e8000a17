package org.skyfleet.fleet.command;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A SHA-256 fingerprint of a plan's content, so that what is read back from a vehicle can be compared with what
 * was approved.
 *
 * <p>Definition: SHA-256 over the mission type's name, the item count, then for each item in list order its
 * frame, command, param1..4, x, y, z and autocontinue, big-endian, floats as their IEEE-754 bits. The sequence
 * number is the list order; the transfer's target ids and {@code current} flag are not content and are left out. Floats are canonicalised: every NaN hashes as the one
 * canonical NaN and -0.0 as 0.0, since autopilots store "unset" parameters as whichever NaN and sign they like.
 *
 * <p>Degenerate cases: an empty plan has a hash too (clearing is a content). A vehicle that stores a parameter
 * with less precision than a float (ArduPilot keeps some as 16-bit integers) reads back a different hash:
 * that is a real difference to report, not noise. ArduPilot keeps home as mission item 0 and overwrites it with the
 * real home: compare ArduPilot missions from item 1 on.
 *
 * @param sha256Hex 64 lowercase hex digits
 */
public record MissionContentHash(String sha256Hex) {

    public MissionContentHash {
        Objects.requireNonNull(sha256Hex, "sha256Hex");
        if (!sha256Hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + sha256Hex);
        }
    }

    public static MissionContentHash of(MissionType type, List<MissionItem> items) {
        MessageDigest sha = sha256();
        sha.update(type.name().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        ByteBuffer buf = ByteBuffer.allocate(4 * 11);
        buf.putInt(items.size());
        sha.update(buf.array(), 0, 4);
        for (MissionItem item : items) {
            buf.clear();
            buf.putInt(item.frame()).putInt(item.command())
                    .putInt(bits(item.param1())).putInt(bits(item.param2()))
                    .putInt(bits(item.param3())).putInt(bits(item.param4()))
                    .putInt(item.xDegE7()).putInt(item.yDegE7()).putInt(bits(item.zM()))
                    .putInt(item.autocontinue() ? 1 : 0);
            sha.update(buf.array(), 0, buf.position());
        }
        return new MissionContentHash(HexFormat.of().formatHex(sha.digest()));
    }

    private static int bits(float f) {
        if (Float.isNaN(f)) {
            return Float.floatToIntBits(Float.NaN);
        }
        return f == 0.0f ? 0 : Float.floatToIntBits(f);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
