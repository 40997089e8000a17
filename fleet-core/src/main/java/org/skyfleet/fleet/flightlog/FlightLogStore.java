package org.skyfleet.fleet.flightlog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Flights and maintenance. A write is durable when it returns; a failed write wrote nothing. */
public interface FlightLogStore {
    /** Stores a landed flight; a flight id stored already is replaced. */
    void save(FlightRecord flight);

    Optional<FlightRecord> find(String flightId);

    /**
     * Flights that took off in [from, to), oldest first, at most {@code limit}.
     *
     * @param vehicleId only this vehicle's; null for all
     */
    List<FlightRecord> list(String vehicleId, Instant from, Instant to, int limit);

    void saveMaintenance(MaintenanceRecord record);

    /** The vehicle's latest maintenance, if any was recorded. */
    Optional<MaintenanceRecord> lastMaintenance(String vehicleId);
}
