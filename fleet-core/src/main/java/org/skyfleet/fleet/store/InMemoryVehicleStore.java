package org.skyfleet.fleet.store;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Vehicle records in memory, under the {@link InMemoryStore}'s one lock; a vehicle keeps its first-seen time. */
final class InMemoryVehicleStore implements VehicleStore {
    private final Object lock;
    private final Map<String, VehicleRecord> vehicles = new TreeMap<>();

    InMemoryVehicleStore(Object lock) {
        this.lock = lock;
    }

    @Override
    public void save(VehicleRecord vehicle) {
        synchronized (lock) {
            VehicleRecord stored = vehicles.get(vehicle.vehicleId());
            vehicles.put(vehicle.vehicleId(), stored == null ? vehicle
                    : new VehicleRecord(vehicle.identity(), stored.firstSeen(), vehicle.lastSeen(), vehicle.linkState(),
                            vehicle.lastLatDeg(), vehicle.lastLonDeg(), vehicle.lastAltAmslM()));
        }
    }

    @Override
    public List<VehicleRecord> loadAll() {
        synchronized (lock) {
            return List.copyOf(vehicles.values());
        }
    }
}
