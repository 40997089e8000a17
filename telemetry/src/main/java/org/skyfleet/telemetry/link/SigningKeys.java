package org.skyfleet.telemetry.link;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * MAVLink 2 signing secrets, one 32-byte key per vehicle system id. A system id with a key is on a signed
 * link: its unsigned, badly signed and replayed frames are dropped, and what the ground station sends it is
 * signed with the same key. System ids without a key keep the unsigned behaviour.
 *
 * <p>Keys are secrets: nothing here logs them and {@link #toString()} names only the system ids. A key file
 * holds one {@code sysid hex-key} per line (64 hex digits), {@code #} comments and blank lines; its
 * permissions are not checked, so keep it readable by the server's user only.
 */
public final class SigningKeys {
    private static final SigningKeys NONE = new SigningKeys(new byte[256][]);

    /** Indexed by system id: the key lookup on the ingest path is one array read. */
    private final byte[][] bySystemId;
    private final boolean empty;

    private SigningKeys(byte[][] bySystemId) {
        this.bySystemId = bySystemId;
        boolean any = false;
        for (byte[] k : bySystemId) {
            any |= k != null;
        }
        this.empty = !any;
    }

    /** No signed links. */
    public static SigningKeys none() {
        return NONE;
    }

    /**
     * @param keys system id (1..255) to its 32-byte key
     * @throws IllegalArgumentException for a system id out of range or a key that is not 32 bytes
     */
    public static SigningKeys of(Map<Integer, byte[]> keys) {
        byte[][] table = new byte[256][];
        keys.forEach((sysid, key) -> {
            if (sysid < 1 || sysid > 255) {
                throw new IllegalArgumentException("system id must be 1..255, got " + sysid);
            }
            if (key == null || key.length != 32) {
                throw new IllegalArgumentException("the signing key of system " + sysid + " must be 32 bytes");
            }
            table[sysid] = key.clone();
        });
        return new SigningKeys(table);
    }

    /**
     * Parses {@code sysid hex-key} lines.
     *
     * @throws IllegalArgumentException naming the line (never the key) when one is malformed or repeated
     */
    public static SigningKeys parse(List<String> lines) {
        byte[][] table = new byte[256][];
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            int sysid;
            try {
                sysid = Integer.parseInt(parts[0]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("signing keys line " + (i + 1) + ": expected 'sysid hex-key'");
            }
            if (parts.length != 2 || sysid < 1 || sysid > 255 || parts[1].length() != 64) {
                throw new IllegalArgumentException("signing keys line " + (i + 1)
                        + ": expected a system id 1..255 and a key of 64 hex digits");
            }
            if (table[sysid] != null) {
                throw new IllegalArgumentException("signing keys line " + (i + 1) + ": system " + sysid + " given twice");
            }
            try {
                table[sysid] = HexFormat.of().parseHex(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("signing keys line " + (i + 1) + ": the key is not hex");
            }
        }
        return new SigningKeys(table);
    }

    /** Reads a key file (see the class comment for its format). */
    public static SigningKeys load(Path file) {
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read signing keys from " + file, e);
        }
    }

    /** The key of a system id, or null when its link is unsigned. The array is shared: do not modify it. */
    byte[] keyFor(int systemId) {
        return bySystemId[systemId & 0xFF];
    }

    /** True when the system id's frames must be signed. */
    public boolean requiresSigning(int systemId) {
        return keyFor(systemId) != null;
    }

    public boolean isEmpty() {
        return empty;
    }

    @Override
    public String toString() {
        TreeSet<Integer> ids = new TreeSet<>();
        for (int i = 0; i < bySystemId.length; i++) {
            if (bySystemId[i] != null) {
                ids.add(i);
            }
        }
        return "SigningKeys[systems=" + ids + "]";
    }
}
