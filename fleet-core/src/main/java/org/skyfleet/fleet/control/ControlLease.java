package org.skyfleet.fleet.control;

import java.time.Instant;

/**
 * The right to command one vehicle, until it expires or is released or taken over.
 *
 * @param vehicleId  the vehicle
 * @param holder     who holds it
 * @param acquiredAt when it was granted (a renewal keeps this)
 * @param expiresAt  when it lapses unless renewed
 * @param reason     why it was taken over, empty otherwise
 */
public record ControlLease(String vehicleId, Operator holder, Instant acquiredAt, Instant expiresAt, String reason) {

    public boolean isLive(Instant now) {
        return now.isBefore(expiresAt);
    }
}
