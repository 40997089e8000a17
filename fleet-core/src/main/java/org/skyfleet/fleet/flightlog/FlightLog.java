package org.skyfleet.fleet.flightlog;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import org.skyfleet.fleet.airframe.AirframeProfile;
import org.skyfleet.fleet.airframe.Airframes;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.control.Operator;

/**
 * The flight log: landed flights stored (on {@code writer}, never the thread that saw the landing), listed,
 * and the maintenance each aircraft is due by its profile's interval of flight hours or flights, counted since
 * its last recorded maintenance. When a landing makes maintenance due, the listeners are told (the console
 * raises an alert).
 */
public final class FlightLog {
    /** At most this many flights in one listing or export. */
    public static final int MAX_LIST = 10_000;

    /**
     * An aircraft's hours and flights since its last maintenance, and why maintenance is due (empty: it is not).
     */
    public record MaintenanceStatus(String vehicleId, double hoursSince, int flightsSince, Instant lastMaintenance, String due) {
    }

    private final FlightLogStore store;
    private final Airframes airframes;
    private final AuditJournal audit;
    private final InstantSource clock;
    private final Executor writer;
    private final List<BiConsumer<String, String>> dueListeners = new CopyOnWriteArrayList<>();

    public FlightLog(FlightLogStore store, Airframes airframes, AuditJournal audit, InstantSource clock, Executor writer) {
        this.store = store;
        this.airframes = airframes;
        this.audit = audit;
        this.clock = clock;
        this.writer = writer;
    }

    /** A flight that landed: stored, journaled, and the aircraft's maintenance checked. */
    public void landed(FlightRecord f) {
        writer.execute(() -> {
            store.save(f);
            audit.append(f.flownBy().isEmpty() ? "system" : f.flownBy(), "flight", f.vehicleId(), String.format(Locale.ROOT,
                    "%s: %.0f s, %.0f m, max %.0f m above home, %s", f.flightId(), f.durationS(), f.distanceM(), f.maxAltRelM(),
                    f.events().isEmpty() ? "no events" : f.events().size() + " events"), "LANDED");
            String due = maintenance(f.vehicleId()).due();
            if (!due.isEmpty()) {
                dueListeners.forEach(l -> l.accept(f.vehicleId(), due));
            }
        });
    }

    /** Tells {@code listener} (vehicle id, why) when a landing makes an aircraft's maintenance due. */
    public void onMaintenanceDue(BiConsumer<String, String> listener) {
        dueListeners.add(listener);
    }

    /** @throws IllegalArgumentException for a limit outside 1..{@value #MAX_LIST} or an empty period */
    public List<FlightRecord> list(String vehicleId, Instant from, Instant to, int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw new IllegalArgumentException("limit " + limit + " must be 1.." + MAX_LIST);
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the period from " + from + " to " + to + " is empty");
        }
        return store.list(vehicleId == null || vehicleId.isEmpty() ? null : vehicleId, from, to, limit);
    }

    /** @throws NoSuchElementException for an unknown flight */
    public FlightRecord get(String flightId) {
        return store.find(flightId).orElseThrow(() -> new NoSuchElementException("flight '" + flightId + "' does not exist"));
    }

    /** Records maintenance done: the aircraft's hours and flights count afresh. */
    public MaintenanceRecord recordMaintenance(String vehicleId, String note, Operator by) {
        if (vehicleId == null || vehicleId.isBlank()) {
            throw new IllegalArgumentException("vehicle id is required");
        }
        if (note == null || note.isBlank() || note.length() > 2000) {
            throw new IllegalArgumentException("a note of what was done is required (at most 2000 characters)");
        }
        MaintenanceRecord r = new MaintenanceRecord(vehicleId, clock.instant(), by.toString(), note.strip());
        store.saveMaintenance(r);
        audit.append(by.toString(), "maintenance", vehicleId, r.note(), "RECORDED");
        return r;
    }

    /** The aircraft's hours and flights since its last maintenance, against its profile's interval. */
    public MaintenanceStatus maintenance(String vehicleId) {
        Optional<MaintenanceRecord> last = store.lastMaintenance(vehicleId);
        Instant since = last.map(MaintenanceRecord::at).orElse(Instant.EPOCH);
        List<FlightRecord> flights = store.list(vehicleId, since, Instant.MAX, MAX_LIST);
        double hours = flights.stream().mapToDouble(FlightRecord::durationS).sum() / 3600;
        String due = "";
        AirframeProfile p = airframes.profileOf(vehicleId).orElse(null);
        if (p != null && p.maintenanceIntervalH() > 0 && hours >= p.maintenanceIntervalH()) {
            due = String.format(Locale.ROOT, "maintenance due: %.1f flight hours since %s, the interval of %s is %.1f h", hours,
                    last.isPresent() ? "its last maintenance" : "its first flight", p.profileId(), p.maintenanceIntervalH());
        } else if (p != null && p.maintenanceIntervalFlights() > 0 && flights.size() >= p.maintenanceIntervalFlights()) {
            due = String.format(Locale.ROOT, "maintenance due: %d flights since %s, the interval of %s is %d flights", flights.size(),
                    last.isPresent() ? "its last maintenance" : "its first flight", p.profileId(), p.maintenanceIntervalFlights());
        }
        return new MaintenanceStatus(vehicleId, hours, flights.size(), last.map(MaintenanceRecord::at).orElse(null), due);
    }
}
