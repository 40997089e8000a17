package org.skyfleet.fleet.flightlog;

import java.time.Instant;

/**
 * Maintenance done on an aircraft: its hours and flights count afresh from here.
 *
 * @param vehicleId the aircraft
 * @param at        when it was done
 * @param by        who recorded it, "subject (role)"
 * @param note      what was done
 */
public record MaintenanceRecord(String vehicleId, Instant at, String by, String note) {
}
