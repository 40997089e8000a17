package org.skyfleet.fleet.control;

import java.time.Instant;

/**
 * A lease changed hands or ended; streamed to both the new and the previous holder.
 *
 * @param vehicleId the vehicle
 * @param kind      what happened
 * @param lease     the lease now in force, null after a release or expiry
 * @param previous  the previous holder, null if there was none
 * @param time      when
 */
public record LeaseChange(String vehicleId, Kind kind, ControlLease lease, Operator previous, Instant time) {
    public enum Kind {
        ACQUIRED,
        TAKEN_OVER,
        RELEASED,
        EXPIRED
    }
}
