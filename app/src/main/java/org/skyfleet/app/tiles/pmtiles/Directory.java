package org.skyfleet.app.tiles.pmtiles;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A PMTiles directory: entries in ascending tile id, each either tiles (run length > 0: the same bytes for
 * {@code runLength} consecutive ids, at {@code offset} in the tile data section) or a leaf directory (run length 0:
 * at {@code offset} in the leaf section, its first id {@code tileId}).
 * <p>Serialised (before the header's internal compression) as: the entry count, then the columns in turn, each a
 * varint per entry: tile ids as deltas from the previous, run lengths, lengths, and offsets, where an offset is
 * written 0 when it follows right after the previous entry's bytes and as offset + 1 otherwise. The count and
 * every length must be above zero.
 */
public final class Directory {
    /** One entry; {@code runLength} 0 marks a leaf directory. */
    public record Entry(long tileId, long offset, long length, long runLength) {
        public boolean leaf() {
            return runLength == 0;
        }
    }

    /** The most entries a directory may claim: more than the file could hold is corrupt, not big. */
    static final long MAX_ENTRIES = 50_000_000;

    private Directory() {
    }

    /** Serialises entries (not yet compressed). @throws IllegalArgumentException for none, or ids out of order */
    public static byte[] encode(List<Entry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a directory needs at least one entry");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(entries.size() * 6 + 8);
        Varints.write(out, entries.size());
        long last = 0;
        for (int i = 0; i < entries.size(); i++) {
            long id = entries.get(i).tileId();
            if (i > 0 && id <= last) {
                throw new IllegalArgumentException("tile ids must ascend: " + id + " after " + last);
            }
            Varints.write(out, id - last);
            last = id;
        }
        for (Entry e : entries) {
            Varints.write(out, e.runLength());
        }
        for (Entry e : entries) {
            if (e.length() <= 0) {
                throw new IllegalArgumentException("entry " + e.tileId() + " has length " + e.length());
            }
            Varints.write(out, e.length());
        }
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            Entry prev = i > 0 ? entries.get(i - 1) : null;
            Varints.write(out, prev != null && e.offset() == prev.offset() + prev.length() ? 0 : e.offset() + 1);
        }
        return out.toByteArray();
    }

    /** Reads serialised (already decompressed) entries. @throws PmTilesFormatException naming what is wrong */
    public static List<Entry> decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        long n = Varints.read(in);
        if (n == 0) {
            throw new PmTilesFormatException("a directory has no entries");
        }
        if (n > MAX_ENTRIES || n > bytes.length) { // each entry takes at least four bytes
            throw new PmTilesFormatException("a directory claims " + n + " entries in " + bytes.length + " bytes");
        }
        int count = (int) n;
        long[] ids = new long[count];
        long id = 0;
        for (int i = 0; i < count; i++) {
            long delta = Varints.read(in);
            id += delta;
            if (id < 0 || (i > 0 && delta == 0)) {
                throw new PmTilesFormatException("a directory's tile ids do not ascend (entry " + i + ")");
            }
            ids[i] = id;
        }
        long[] runs = new long[count];
        for (int i = 0; i < count; i++) {
            runs[i] = Varints.read(in);
        }
        long[] lengths = new long[count];
        for (int i = 0; i < count; i++) {
            lengths[i] = Varints.read(in);
            if (lengths[i] == 0) {
                throw new PmTilesFormatException("a directory entry has length 0 (tile id " + ids[i] + ")");
            }
        }
        List<Entry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long v = Varints.read(in);
            long offset;
            if (v == 0) {
                if (i == 0) {
                    throw new PmTilesFormatException("a directory's first offset refers to a previous entry");
                }
                Entry prev = entries.get(i - 1);
                offset = prev.offset() + prev.length();
            } else {
                offset = v - 1;
            }
            if (offset < 0) {
                throw new PmTilesFormatException("a directory offset overflows (tile id " + ids[i] + ")");
            }
            entries.add(new Entry(ids[i], offset, lengths[i], runs[i]));
        }
        return entries;
    }

    /**
     * The entry that holds {@code tileId}: its own, one whose run covers it, or the leaf directory whose range it
     * falls in (the last leaf entry at or before it); null if none does.
     */
    public static Entry find(List<Entry> entries, long tileId) {
        int lo = 0;
        int hi = entries.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long c = entries.get(mid).tileId();
            if (c < tileId) {
                lo = mid + 1;
            } else if (c > tileId) {
                hi = mid - 1;
            } else {
                return entries.get(mid);
            }
        }
        if (hi >= 0) { // entries[hi] is the last one before tileId
            Entry e = entries.get(hi);
            if (e.leaf() || tileId - e.tileId() < e.runLength()) {
                return e;
            }
        }
        return null;
    }
}
