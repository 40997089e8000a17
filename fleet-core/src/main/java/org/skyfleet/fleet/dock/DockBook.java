package org.skyfleet.fleet.dock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The docks a node hears, one per vehicle: written by the links' threads as their components report, read by the
 * automation and the API. A dock silent for longer than {@link #SILENT_AFTER} is shown but no longer trusted
 * ({@link #live}).
 */
public final class DockBook {
    /** Docks send a heartbeat a second; three missed is a dock that is off or out of reach. */
    public static final Duration SILENT_AFTER = Duration.ofSeconds(3);

    private final Map<String, DockState> byVehicle = new ConcurrentHashMap<>();

    /** Applies {@code change} to the vehicle's dock (created as just heard if new). Any thread. */
    public DockState update(String vehicleId, int componentId, Instant at, UnaryOperator<DockState> change) {
        return byVehicle.compute(vehicleId, (k, old) -> change.apply(old != null ? old : DockState.heard(vehicleId, componentId, at)));
    }

    public Optional<DockState> find(String vehicleId) {
        return Optional.ofNullable(byVehicle.get(vehicleId));
    }

    /** The vehicle's dock if it was heard within {@link #SILENT_AFTER} of {@code now}. */
    public Optional<DockState> live(String vehicleId, Instant now) {
        return find(vehicleId).filter(d -> !d.lastHeard().plus(SILENT_AFTER).isBefore(now));
    }

    /** Every dock heard, by vehicle id. */
    public List<DockState> all() {
        List<DockState> out = new ArrayList<>(byVehicle.values());
        out.sort(Comparator.comparing(DockState::vehicleId));
        return out;
    }
}
