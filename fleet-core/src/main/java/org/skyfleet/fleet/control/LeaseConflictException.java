package org.skyfleet.fleet.control;

/** Someone else holds the vehicle's lease; the message names them and until when. */
public final class LeaseConflictException extends RuntimeException {
    private final ControlLease held;

    public LeaseConflictException(String message, ControlLease held) {
        super(message);
        this.held = held;
    }

    public ControlLease held() {
        return held;
    }
}
