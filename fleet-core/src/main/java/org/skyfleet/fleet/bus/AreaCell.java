package org.skyfleet.fleet.bus;

/**
 * The coarse area a position lies in: its geohash of {@link #DEPTH} characters (about 4.9 km by
 * 4.9 km at mid latitudes). A geohash is hierarchical, so every prefix names the larger cell around
 * it: a node can follow one cell or any coarser area by a shorter prefix.
 *
 * <p>Steps: interleave the bits of longitude and latitude halvings, longitude first, and write them
 * five at a time in base 32 (digits and letters without a, i, l, o). Degenerate cases: latitude 90
 * and longitude 180 fall in the last cell; a non-finite coordinate has no cell ({@link #NONE}).
 */
public final class AreaCell {
    /** Characters in a cell name. */
    public static final int DEPTH = 5;
    /** The cell of a vehicle with no (or no finite) position. */
    public static final String NONE = "_____";
    private static final char[] BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz".toCharArray();

    private AreaCell() {
    }

    /** The cell of a WGS84 point, {@link #DEPTH} characters. */
    public static String of(double latDeg, double lonDeg) {
        return geohash(latDeg, lonDeg, DEPTH);
    }

    /** The geohash of a point with {@code chars} characters; {@link #NONE}-style underscores if not finite. */
    public static String geohash(double latDeg, double lonDeg, int chars) {
        if (chars < 1 || chars > 12) {
            throw new IllegalArgumentException("chars must be 1..12, got " + chars);
        }
        if (!Double.isFinite(latDeg) || !Double.isFinite(lonDeg) || Math.abs(latDeg) > 90 || Math.abs(lonDeg) > 180) {
            return "_".repeat(chars);
        }
        double latLo = -90, latHi = 90, lonLo = -180, lonHi = 180;
        StringBuilder out = new StringBuilder(chars);
        boolean lonBit = true;
        int bits = 0;
        int value = 0;
        while (out.length() < chars) {
            if (lonBit) {
                double mid = (lonLo + lonHi) / 2;
                if (lonDeg >= mid) {
                    value = value << 1 | 1;
                    lonLo = mid;
                } else {
                    value <<= 1;
                    lonHi = mid;
                }
            } else {
                double mid = (latLo + latHi) / 2;
                if (latDeg >= mid) {
                    value = value << 1 | 1;
                    latLo = mid;
                } else {
                    value <<= 1;
                    latHi = mid;
                }
            }
            lonBit = !lonBit;
            if (++bits == 5) {
                out.append(BASE32[value]);
                bits = 0;
                value = 0;
            }
        }
        return out.toString();
    }

    /** True if {@code prefix} is a well-formed cell or coarser area: 1..DEPTH geohash characters. */
    public static boolean isArea(String prefix) {
        if (prefix == null || prefix.isEmpty() || prefix.length() > DEPTH) {
            return false;
        }
        for (char c : prefix.toCharArray()) {
            if (new String(BASE32).indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
