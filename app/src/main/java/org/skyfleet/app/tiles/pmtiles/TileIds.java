package org.skyfleet.app.tiles.pmtiles;

/**
 * PMTiles tile ids: every tile of every zoom on one line. Zoom z's tiles come after all 4^0 + ... + 4^(z-1) tiles
 * of the zooms before it, and within a zoom they are ordered along the Hilbert curve of side 2^z, so tiles near
 * one another on the map are near one another in the file. Known values (from the specification's reference
 * tests): 0/0/0 is 0; 1/0/0, 1/0/1, 1/1/1, 1/1/0 are 1..4; 2/0/0 is 5; 3/7/0 is 84; 20/0/0 is 366503875925.
 * Zooms 0..31 fit a signed 64-bit id.
 */
public final class TileIds {
    /** The deepest zoom whose ids fit in a {@code long}. */
    public static final int MAX_ZOOM = 31;

    private TileIds() {
    }

    /** The id of tile z/x/y (XYZ, y from the north). @throws IllegalArgumentException outside the zoom's grid */
    public static long of(int z, long x, long y) {
        if (z < 0 || z > MAX_ZOOM) {
            throw new IllegalArgumentException("zoom " + z + " is outside 0.." + MAX_ZOOM);
        }
        long n = 1L << z;
        if (x < 0 || y < 0 || x >= n || y >= n) {
            throw new IllegalArgumentException("tile " + z + "/" + x + "/" + y + " is outside zoom " + z + "'s grid");
        }
        long d = 0;
        for (long s = n / 2; s > 0; s /= 2) {
            long rx = (x & s) > 0 ? 1 : 0;
            long ry = (y & s) > 0 ? 1 : 0;
            d += s * s * ((3 * rx) ^ ry);
            if (ry == 0) { // rotate the quadrant so the sub-curve runs the right way (Hilbert's xy2d)
                if (rx == 1) {
                    x = n - 1 - x;
                    y = n - 1 - y;
                }
                long t = x;
                x = y;
                y = t;
            }
        }
        return firstIdOf(z) + d;
    }

    /** The first id of zoom z: the count of tiles in zooms 0..z-1, (4^z - 1) / 3. */
    public static long firstIdOf(int z) {
        return ((1L << (2 * z)) - 1) / 3;
    }

    /** The tile of an id: {z, x, y}. @throws IllegalArgumentException for a negative id or one past zoom 31 */
    public static long[] zxy(long id) {
        if (id < 0) {
            throw new IllegalArgumentException("tile id " + id + " is negative");
        }
        int z = 0;
        while (z < MAX_ZOOM && firstIdOf(z + 1) <= id) {
            z++;
        }
        long n = 1L << z;
        long t = id - firstIdOf(z);
        if (t >= n * n) {
            throw new IllegalArgumentException("tile id " + id + " is past zoom " + MAX_ZOOM);
        }
        long x = 0;
        long y = 0;
        for (long s = 1; s < n; s *= 2) { // Hilbert's d2xy
            long rx = 1 & (t / 2);
            long ry = 1 & (t ^ rx);
            if (ry == 0) {
                if (rx == 1) {
                    x = s - 1 - x;
                    y = s - 1 - y;
                }
                long tmp = x;
                x = y;
                y = tmp;
            }
            x += s * rx;
            y += s * ry;
            t /= 4;
        }
        return new long[] {z, x, y};
    }
}
