package org.skyfleet.app.tiles.pmtiles;

import org.skyfleet.app.tiles.TilePackageException;

/** Bytes that are not a valid PMTiles archive, with the reason. */
public final class PmTilesFormatException extends TilePackageException {
    public PmTilesFormatException(String message) {
        super(message);
    }
}
