package org.skyfleet.fleet.control;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * One control lease per vehicle. A lease is granted when the vehicle is free (or its lease lapsed),
 * renewed only by its holder, released by its holder, and taken over only by a role that may take
 * over, with a reason. Every change is told to listeners, so the previous holder learns of a
 * take-over on its stream. Thread-safe: each vehicle's lease changes atomically.
 */
public final class ControlLeases {
    public static final Duration MAX_TTL = Duration.ofMinutes(10);

    private final Map<String, ControlLease> leases = new ConcurrentHashMap<>();
    private final List<Consumer<LeaseChange>> listeners = new CopyOnWriteArrayList<>();
    private final InstantSource clock;
    private final LeaseStore store;
    /** The fleet's leases when several nodes share it: the truth, which {@link #leases} only mirrors. */
    private final SharedLeases shared;

    public ControlLeases(InstantSource clock) {
        this(clock, null);
    }

    /**
     * Leases kept in {@code store} as they are granted, renewed and given up: a lease granted before a
     * restart still holds after it, until it expires.
     */
    public ControlLeases(InstantSource clock, LeaseStore store) {
        this(clock, store, null);
    }

    /**
     * As above, deciding every grant, take-over and release in {@code shared} (null: on this node alone),
     * so a lease granted through one node holds on every other; listeners hear of this node's changes.
     */
    public ControlLeases(InstantSource clock, LeaseStore store, SharedLeases shared) {
        this.clock = clock;
        this.store = store;
        this.shared = shared;
        if (store != null) {
            store.loadLive(clock.instant()).forEach(l -> leases.put(l.vehicleId(), l));
        }
    }

    private void persist(ControlLease granted) {
        if (store != null) {
            store.save(granted);
        }
    }

    private void forget(String vehicleId) {
        if (store != null) {
            store.delete(vehicleId);
        }
    }

    public AutoCloseable subscribe(Consumer<LeaseChange> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * A change made through another node of a shared fleet: taken into this node's view of the leases and
     * told to its listeners, so control-change streams on every node hear of it. A change this node already
     * holds (it heard the vehicle's lease end itself, say) is not told twice.
     */
    public void mirror(LeaseChange change) {
        boolean changed;
        if (change.lease() != null) {
            changed = !change.lease().equals(leases.put(change.vehicleId(), change.lease()));
        } else {
            ControlLease held = leases.get(change.vehicleId());
            changed = held != null && (change.previous() == null || held.holder().equals(change.previous()))
                    && leases.remove(change.vehicleId(), held);
        }
        if (changed) {
            tell(change);
        }
    }

    /** The live lease on a vehicle, if any. */
    public Optional<ControlLease> current(String vehicleId) {
        ControlLease l = shared != null ? shared.read(vehicleId).lease() : leases.get(vehicleId);
        return l != null && l.isLive(clock.instant()) ? Optional.of(l) : Optional.empty();
    }

    /**
     * Grants the lease to {@code who}, or renews it if they hold it already.
     *
     * @throws LeaseConflictException if someone else holds a live lease
     */
    public ControlLease acquire(String vehicleId, Operator who, Duration ttl) {
        checkTtl(ttl);
        if (!who.role().mayCommand()) {
            throw new IllegalArgumentException("role " + who.role() + " may not hold a control lease");
        }
        Instant now = clock.instant();
        ControlLease[] before = new ControlLease[1];
        ControlLease granted = decide(vehicleId, (id, l) -> {
            before[0] = l;
            if (l != null && l.isLive(now) && !l.holder().equals(who)) {
                throw conflict(l);
            }
            Instant since = l != null && l.isLive(now) ? l.acquiredAt() : now;
            return new ControlLease(id, who, since, now.plus(ttl), "");
        });
        persist(granted);
        if (before[0] == null || !before[0].isLive(now) || !before[0].holder().equals(who)) {
            tell(new LeaseChange(vehicleId, LeaseChange.Kind.ACQUIRED, granted,
                    before[0] == null ? null : before[0].holder(), now));
        }
        return granted;
    }

    /**
     * Takes the lease from whoever holds it, with a reason the previous holder is told.
     *
     * @throws IllegalArgumentException if the role may not take over, or no reason is given
     */
    public ControlLease takeOver(String vehicleId, Operator who, Duration ttl, String reason) {
        checkTtl(ttl);
        if (!who.role().mayTakeOver()) {
            throw new IllegalArgumentException("role " + who.role() + " may not take a lease over; a commander may");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a take-over needs a reason, which the previous holder is told");
        }
        Instant now = clock.instant();
        ControlLease[] before = new ControlLease[1];
        ControlLease granted = decide(vehicleId, (id, l) -> {
            before[0] = l;
            return new ControlLease(id, who, now, now.plus(ttl), reason);
        });
        persist(granted);
        Operator previous = before[0] != null && before[0].isLive(now) ? before[0].holder() : null;
        tell(new LeaseChange(vehicleId, previous == null || previous.equals(who) ? LeaseChange.Kind.ACQUIRED
                : LeaseChange.Kind.TAKEN_OVER, granted, previous, now));
        return granted;
    }

    /** Releases the lease if {@code who} holds it; returns false if they did not. */
    public boolean release(String vehicleId, Operator who) {
        Instant now = clock.instant();
        if (shared != null) {
            SharedLeases.Versioned r = shared.read(vehicleId);
            ControlLease l = r.lease();
            if (l == null || !l.isLive(now) || !l.holder().equals(who) || !shared.write(vehicleId, r.version(), null)) {
                return false;
            }
            leases.remove(vehicleId);
        } else {
            ControlLease l = leases.get(vehicleId);
            if (l == null || !l.isLive(now) || !l.holder().equals(who) || !leases.remove(vehicleId, l)) {
                return false;
            }
        }
        forget(vehicleId);
        tell(new LeaseChange(vehicleId, LeaseChange.Kind.RELEASED, null, who, now));
        return true;
    }

    /**
     * Checks that {@code who} may command the vehicle now.
     *
     * @throws LeaseConflictException naming the holder, or saying nobody holds it
     */
    public ControlLease requireHeldBy(String vehicleId, Operator who) {
        ControlLease l = current(vehicleId).orElseThrow(() -> new LeaseConflictException(
                "nobody holds the control lease of " + vehicleId + ": acquire it first", null));
        if (!l.holder().equals(who)) {
            throw conflict(l);
        }
        return l;
    }

    /** Forgets lapsed leases and tells listeners; the server calls it periodically. */
    public List<LeaseChange> expireDue() {
        Instant now = clock.instant();
        List<LeaseChange> expired = new ArrayList<>();
        for (ControlLease l : leases.values()) {
            if (!l.isLive(now) && shared != null) {
                // renewed or taken over through another node: mirror it rather than call it expired
                ControlLease truth = shared.read(l.vehicleId()).lease();
                if (truth != null && truth.isLive(now)) {
                    leases.replace(l.vehicleId(), l, truth);
                    continue;
                }
            }
            if (!l.isLive(now) && leases.remove(l.vehicleId(), l)) {
                forget(l.vehicleId());
                LeaseChange c = new LeaseChange(l.vehicleId(), LeaseChange.Kind.EXPIRED, null, l.holder(), now);
                expired.add(c);
                tell(c);
            }
        }
        return expired;
    }

    /**
     * Applies {@code change} to the vehicle's lease: on this node's map alone, or, with shared leases, to
     * the shared record at the version read, reading again when another node wrote first.
     */
    private ControlLease decide(String vehicleId, BiFunction<String, ControlLease, ControlLease> change) {
        if (shared == null) {
            return leases.compute(vehicleId, change);
        }
        for (int attempt = 0; attempt < 10; attempt++) {
            SharedLeases.Versioned r = shared.read(vehicleId);
            ControlLease next = change.apply(vehicleId, r.lease());
            if (shared.write(vehicleId, r.version(), next)) {
                leases.put(vehicleId, next);
                return next;
            }
        }
        throw new IllegalStateException("the control lease of " + vehicleId + " kept changing under this node; try again");
    }

    private static LeaseConflictException conflict(ControlLease l) {
        return new LeaseConflictException("vehicle " + l.vehicleId() + " is controlled by " + l.holder()
                + " until " + l.expiresAt(), l);
    }

    private static void checkTtl(Duration ttl) {
        if (ttl == null || ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("lease time to live must be > 0 and at most " + MAX_TTL + ", got " + ttl);
        }
    }

    private void tell(LeaseChange change) {
        for (Consumer<LeaseChange> l : listeners) {
            l.accept(change);
        }
    }
}
