package org.skyfleet.fleet.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.skyfleet.fleet.control.ControlLease;
import org.skyfleet.fleet.control.LeaseStore;

/** Control leases in memory, under the {@link InMemoryStore}'s one lock. */
final class InMemoryLeaseStore implements LeaseStore {
    private final Object lock;
    private final Map<String, ControlLease> leases = new TreeMap<>();

    InMemoryLeaseStore(Object lock) {
        this.lock = lock;
    }

    @Override
    public void save(ControlLease lease) {
        synchronized (lock) {
            leases.put(lease.vehicleId(), lease);
        }
    }

    @Override
    public void delete(String vehicleId) {
        synchronized (lock) {
            leases.remove(vehicleId);
        }
    }

    @Override
    public List<ControlLease> loadLive(Instant now) {
        synchronized (lock) {
            return leases.values().stream().filter(l -> l.isLive(now)).toList();
        }
    }
}
