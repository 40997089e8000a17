package org.skyfleet.fleet.audit;

import java.time.Instant;

/**
 * One journaled action.
 *
 * @param sequence     1, 2, 3... in the order written
 * @param time         when
 * @param actor        who ("pilot-7 (pilot)"), or "system"
 * @param action       what, e.g. "command ARM", "lease take-over", "mission approved"
 * @param vehicleId    which vehicle, empty if none
 * @param detail       parameters, reasons
 * @param result       the outcome, e.g. "ACCEPTED", "DENIED", "FAILED_PRECONDITION: ..."
 * @param previousHash hex SHA-256 of the entry before, 64 zeros for the first
 * @param hash         hex SHA-256 of this entry's fields and {@code previousHash}
 */
public record AuditEntry(long sequence, Instant time, String actor, String action, String vehicleId, String detail,
                         String result, String previousHash, String hash) {
}
