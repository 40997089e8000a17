package org.skyfleet.fleet.control;

import java.time.Instant;
import java.util.List;

/** Control leases, at most one per vehicle. */
public interface LeaseStore {
    /** Inserts the lease or replaces the vehicle's current one (a renewal or a take-over). */
    void save(ControlLease lease);

    /** Forgets the vehicle's lease (released); nothing happens if it has none. */
    void delete(String vehicleId);

    /** Leases live at {@code now} ({@link ControlLease#isLive}), by vehicle id; expired ones are not returned. */
    List<ControlLease> loadLive(Instant now);
}
