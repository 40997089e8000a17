package org.skyfleet.fleet.command;

/** How a mission transfer ended. */
public enum TransferStatus {
    /** The vehicle confirmed the transfer (or, for a download, every item arrived and was acknowledged). */
    COMPLETED,
    /** The vehicle refused or aborted it; {@link TransferOutcome#vehicleResult()} names why. */
    REJECTED,
    /** The vehicle stopped answering and every retry was spent. */
    TIMED_OUT,
    /** The vehicle is not connected on the link, so nothing was sent. */
    NOT_CONNECTED,
    /** Another transfer with this vehicle is still running; nothing was sent. */
    BUSY
}
