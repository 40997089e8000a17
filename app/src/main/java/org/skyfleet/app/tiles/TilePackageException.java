package org.skyfleet.app.tiles;

/** A tile package that cannot be used, with a reason an operator can act on. */
public class TilePackageException extends RuntimeException {
    public TilePackageException(String message) {
        super(message);
    }

    public TilePackageException(String message, Throwable cause) {
        super(message, cause);
    }
}
