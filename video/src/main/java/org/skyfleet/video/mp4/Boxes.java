package org.skyfleet.video.mp4;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reading ISO BMFF boxes: whole top-level boxes from a stream, children inside a box's bytes. */
public final class Boxes {
    /** A top-level box larger than this is not a live fragment: the stream is refused as garbage. */
    public static final int MAX_BOX_BYTES = 8 * 1024 * 1024;

    private Boxes() {
    }

    /** One whole box: its four-letter type and all its bytes, header included. */
    public record Box(String type, byte[] bytes) {
    }

    /**
     * The next top-level box of {@code in}, or empty at a clean end of stream.
     *
     * @throws IOException on a truncated box, or one claiming to be smaller than its header or larger than {@link #MAX_BOX_BYTES}
     */
    public static Optional<Box> next(DataInputStream in) throws IOException {
        int first = in.read();
        if (first < 0) {
            return Optional.empty();
        }
        byte[] header = new byte[8];
        header[0] = (byte) first;
        in.readFully(header, 1, 7);
        long size = Integer.toUnsignedLong(ByteBuffer.wrap(header).getInt(0));
        String type = new String(header, 4, 4, StandardCharsets.ISO_8859_1);
        if (size < 8 || size > MAX_BOX_BYTES) {
            throw new IOException("not fragmented MP4: box '" + printable(type) + "' claims " + size + " bytes");
        }
        byte[] bytes = new byte[(int) size];
        System.arraycopy(header, 0, bytes, 0, 8);
        try {
            in.readFully(bytes, 8, bytes.length - 8);
        } catch (EOFException e) {
            throw new IOException("stream ended inside box '" + printable(type) + "'", e);
        }
        return Optional.of(new Box(type, bytes));
    }

    /** Convenience for {@link #next(DataInputStream)}. */
    public static DataInputStream data(InputStream in) {
        return in instanceof DataInputStream d ? d : new DataInputStream(in);
    }

    /**
     * The first child of type {@code type} among the boxes in {@code buf[from, to)}, as [start of its
     * payload, end), or null.
     */
    static int[] child(byte[] buf, int from, int to, String type) {
        int at = from;
        while (at + 8 <= to) {
            long size = Integer.toUnsignedLong(ByteBuffer.wrap(buf).getInt(at));
            if (size < 8 || at + size > to) {
                return null;
            }
            if (new String(buf, at + 4, 4, StandardCharsets.ISO_8859_1).equals(type)) {
                return new int[] {at + 8, (int) (at + size)};
            }
            at += (int) size;
        }
        return null;
    }

    /** Follows a path of child types from a box's payload, e.g. trak/mdia/minf; null if one is missing. */
    static int[] path(byte[] buf, int[] within, String... types) {
        int[] at = within;
        for (String t : types) {
            if (at == null) {
                return null;
            }
            at = child(buf, at[0], at[1], t);
        }
        return at;
    }

    static String fourcc(byte[] buf, int at) {
        return new String(buf, at, 4, StandardCharsets.ISO_8859_1);
    }

    static long u32(byte[] buf, int at) {
        return Integer.toUnsignedLong(ByteBuffer.wrap(buf).getInt(at));
    }

    static int u16(byte[] buf, int at) {
        return ((buf[at] & 0xff) << 8) | (buf[at + 1] & 0xff);
    }

    private static String printable(String type) {
        return type.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? type : "?";
    }
}
