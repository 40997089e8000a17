package org.skyfleet.fleet.store;

/** A store could not be opened, or a write or read failed; a failed write wrote nothing. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
