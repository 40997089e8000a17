package org.skyfleet.app.tiles.pmtiles;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The header's compression codes, for directories and metadata (internal) and for tiles. Directories are read
 * here when stored plainly or gzipped; Brotli and Zstandard need codecs the server does not carry, so an archive
 * using them is refused at import with that reason (re-encode it with gzip, e.g. {@code pmtiles convert}).
 */
public enum Compression {
    UNKNOWN, NONE, GZIP, BROTLI, ZSTD;

    /** Directories inflate to at most this: more is a bomb or corruption, not a map. */
    static final int MAX_INFLATED = 64 * 1024 * 1024;

    static Compression of(int code) {
        if (code < 0 || code >= values().length) {
            throw new PmTilesFormatException("unknown compression code " + code);
        }
        return values()[code];
    }

    /** The header's code for this compression. */
    int code() {
        return ordinal();
    }

    /** Undoes this compression on directory or metadata bytes. */
    byte[] decompress(byte[] bytes, String what) {
        switch (this) {
            case NONE:
                return bytes;
            case GZIP:
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                    byte[] out = in.readNBytes(MAX_INFLATED + 1);
                    if (out.length > MAX_INFLATED) {
                        throw new PmTilesFormatException(what + " inflates past " + MAX_INFLATED + " bytes");
                    }
                    return out;
                } catch (IOException e) {
                    throw new PmTilesFormatException(what + " is not valid gzip (" + e.getMessage() + ")");
                }
            default:
                throw new PmTilesFormatException(what + " is " + name().toLowerCase(java.util.Locale.ROOT)
                        + "-compressed, which is not read here: convert the archive to gzip internal compression");
        }
    }

    /** Applies this compression (NONE or GZIP) to bytes being written. */
    byte[] compress(byte[] bytes) {
        switch (this) {
            case NONE:
                return bytes;
            case GZIP:
                ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 32);
                try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                    gz.write(bytes);
                } catch (IOException e) {
                    throw new IllegalStateException(e); // in memory: cannot happen
                }
                return out.toByteArray();
            default:
                throw new IllegalArgumentException("writing " + this + " is not supported");
        }
    }
}
