package org.skyfleet.fleet.control;

import java.util.HashMap;
import java.util.Map;

/** Shared leases in one process: for tests of several nodes, and the contract the NATS adapter keeps. */
public final class InMemorySharedLeases implements SharedLeases {
    private final Map<String, Versioned> records = new HashMap<>();
    private long lastVersion;

    @Override
    public synchronized Versioned read(String vehicleId) {
        return records.getOrDefault(vehicleId, new Versioned(null, 0));
    }

    @Override
    public synchronized boolean write(String vehicleId, long version, ControlLease next) {
        if (read(vehicleId).version() != version) {
            return false;
        }
        records.put(vehicleId, new Versioned(next, ++lastVersion));
        return true;
    }
}
