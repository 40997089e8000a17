package org.skyfleet.fleet.vehicle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.skyfleet.fleet.bus.FleetBus;
import org.skyfleet.fleet.event.VehicleEvent;
import org.skyfleet.fleet.event.VehicleHealthRules;

/**
 * The newest state of every vehicle. Reads are lock-free snapshots from any thread. Each vehicle has
 * exactly one writer (the thread of the link it speaks over), so an update is read-modify-write
 * without locks; every applied change bumps the version, is published on the bus, and the events it
 * implies are published after it.
 */
public final class VehicleRegistry {
    private final Map<String, VehicleState> states = new ConcurrentHashMap<>();
    private final FleetBus bus;
    private final VehicleHealthRules rules;
    private final AtomicLong eventSequence = new AtomicLong();

    public VehicleRegistry(FleetBus bus, VehicleHealthRules rules) {
        this.bus = bus;
        this.rules = rules;
    }

    public Optional<VehicleState> find(String vehicleId) {
        return Optional.ofNullable(states.get(vehicleId));
    }

    /** Every vehicle, ordered by id. */
    public List<VehicleState> all() {
        List<VehicleState> list = new ArrayList<>(states.values());
        list.sort(Comparator.comparing(VehicleState::vehicleId));
        return list;
    }

    public int size() {
        return states.size();
    }

    /** Number of vehicles whose link is in the given state. */
    public long count(LinkState linkState) {
        return states.values().stream().filter(s -> s.status().linkState() == linkState).count();
    }

    /**
     * Adds a vehicle seen for the first time, or returns the one already known under that id.
     * Must be called by the vehicle's writer.
     */
    public VehicleState register(VehicleState initial, Instant now) {
        VehicleState existing = states.putIfAbsent(initial.vehicleId(), initial.withVersion(1));
        if (existing != null) {
            return existing;
        }
        VehicleState stored = states.get(initial.vehicleId());
        bus.publishState(stored);
        publishAll(rules.eventsFor(null, stored, now));
        return stored;
    }

    /**
     * Applies {@code change} to a known vehicle. A change that returns the same instance is no
     * change: nothing is published. Must be called by the vehicle's writer.
     *
     * @throws IllegalArgumentException if the vehicle is unknown
     */
    public VehicleState update(String vehicleId, UnaryOperator<VehicleState> change, Instant now) {
        VehicleState before = states.get(vehicleId);
        if (before == null) {
            throw new IllegalArgumentException("unknown vehicle " + vehicleId);
        }
        VehicleState changed = change.apply(before);
        if (changed == before) {
            return before;
        }
        VehicleState after = changed.withVersion(before.version() + 1);
        states.put(vehicleId, after);
        bus.publishState(after);
        publishAll(rules.eventsFor(before, after, now));
        return after;
    }

    /**
     * Holds the newest state of a vehicle whose link another node owns, as that node published it: it is
     * listed, read and commanded (through the owner) like a local one, but neither published again nor
     * judged by the health rules here (the owner did both). Called by the bus's delivery thread, the
     * vehicle's only writer on this node while another node owns it.
     */
    public void mirror(VehicleState remote) {
        states.put(remote.vehicleId(), remote);
    }

    /** Publishes an event that no state rule derives (an autopilot's text warning, say). */
    public void publishEvent(VehicleEvent event) {
        bus.publishEvent(event.numbered(eventSequence.incrementAndGet()));
    }

    private void publishAll(List<VehicleEvent> events) {
        for (VehicleEvent e : events) {
            publishEvent(e);
        }
    }
}
