package org.skyfleet.fleet.flightlog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Flights and maintenance in memory, for tests and a control plane that need not survive a restart. */
public final class InMemoryFlightLogStore implements FlightLogStore {
    private final Map<String, FlightRecord> flights = new LinkedHashMap<>();
    private final Map<String, MaintenanceRecord> maintenance = new HashMap<>();

    @Override
    public synchronized void save(FlightRecord flight) {
        flights.put(flight.flightId(), flight);
    }

    @Override
    public synchronized Optional<FlightRecord> find(String flightId) {
        return Optional.ofNullable(flights.get(flightId));
    }

    @Override
    public synchronized List<FlightRecord> list(String vehicleId, Instant from, Instant to, int limit) {
        List<FlightRecord> out = new ArrayList<>();
        for (FlightRecord f : flights.values()) {
            if ((vehicleId == null || f.vehicleId().equals(vehicleId)) && !f.takeoffAt().isBefore(from) && f.takeoffAt().isBefore(to)) {
                out.add(f);
            }
        }
        out.sort(Comparator.comparing(FlightRecord::takeoffAt).thenComparing(FlightRecord::flightId));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    @Override
    public synchronized void saveMaintenance(MaintenanceRecord record) {
        maintenance.merge(record.vehicleId(), record, (a, b) -> b.at().isBefore(a.at()) ? a : b);
    }

    @Override
    public synchronized Optional<MaintenanceRecord> lastMaintenance(String vehicleId) {
        return Optional.ofNullable(maintenance.get(vehicleId));
    }
}
