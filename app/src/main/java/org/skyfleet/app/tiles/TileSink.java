package org.skyfleet.app.tiles;

/** Where tiles go, one by one: a package being written. */
@FunctionalInterface
public interface TileSink {
    /** Takes the tile at z/x/y in the XYZ scheme (y from the north). */
    void put(int z, int x, int y, byte[] data);
}
