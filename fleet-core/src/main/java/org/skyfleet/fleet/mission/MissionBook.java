package org.skyfleet.fleet.mission;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Every mission, changed atomically one at a time, with listeners told of each change (progress
 * streams, the audit). Each change is written to the store before it is applied or told: a change whose
 * write fails throws and changes nothing.
 */
public final class MissionBook {
    private final Map<String, Mission> missions = new ConcurrentHashMap<>();
    private final List<Consumer<Mission>> listeners = new CopyOnWriteArrayList<>();
    private final MissionStore store;

    /** Missions in memory only. */
    public MissionBook() {
        this(new MissionStore() {
            @Override
            public void save(Mission mission) {
            }

            @Override
            public List<Mission> loadAll() {
                return List.of();
            }
        });
    }

    /** Missions kept in {@code store}, starting with those it holds. */
    public MissionBook(MissionStore store) {
        this.store = store;
        for (Mission m : store.loadAll()) {
            missions.put(m.missionId(), m);
        }
    }

    public void add(Mission m) {
        Mission[] added = new Mission[1];
        missions.compute(m.missionId(), (id, existing) -> {
            if (existing != null) {
                throw new IllegalArgumentException("mission " + m.missionId() + " exists");
            }
            store.save(m);
            added[0] = m;
            return m;
        });
        tell(added[0]);
    }

    /**
     * Takes in a mission another control-plane node was following, now that its vehicle's link is this
     * node's: stored and told like a new one. A copy held here that is as far on or further (more changes of
     * state; as many and as much progress) is kept.
     *
     * @return whether it was taken in
     */
    public boolean adopt(Mission m) {
        return takeIn(m, true);
    }

    /**
     * Shows a mission another node follows, as that node posted it: listed, found and told to listeners
     * like any other, but not stored (its node stored it) and not followed here. A copy held here that is as
     * far on or further is kept.
     *
     * @return whether the held copy changed
     */
    public boolean mirror(Mission m) {
        return takeIn(m, false);
    }

    private boolean takeIn(Mission m, boolean store) {
        Mission[] taken = new Mission[1];
        missions.compute(m.missionId(), (id, held) -> {
            // a change of state is further on than any progress: an abort made through one node is not undone by
            // the owner's progress report that crossed it
            boolean further = held == null || m.transitions().size() > held.transitions().size()
                    || (m.transitions().size() == held.transitions().size() && m.reachedSeq() > held.reachedSeq());
            if (!further) {
                return held;
            }
            if (store) {
                this.store.save(m);
            }
            taken[0] = m;
            return m;
        });
        if (taken[0] == null) {
            return false;
        }
        tell(taken[0]);
        return true;
    }

    public Optional<Mission> find(String missionId) {
        return Optional.ofNullable(missions.get(missionId));
    }

    /** Missions, newest id last; of one vehicle if {@code vehicleId} is not empty. */
    public List<Mission> list(String vehicleId) {
        List<Mission> out = new ArrayList<>();
        for (Mission m : missions.values()) {
            if (vehicleId.isEmpty() || m.vehicleId().equals(vehicleId)) {
                out.add(m);
            }
        }
        out.sort(Comparator.comparing(Mission::missionId));
        return out;
    }

    /** The vehicle's mission that is flying or paused, if any. */
    public Optional<Mission> activeOf(String vehicleId) {
        return missions.values().stream().filter(m -> m.vehicleId().equals(vehicleId) && m.state().isActive()).findFirst();
    }

    /**
     * Applies a change atomically.
     *
     * @throws IllegalArgumentException if the mission is unknown
     * @throws IllegalStateException    if the change breaks the lifecycle
     */
    public Mission update(String missionId, UnaryOperator<Mission> change) {
        Mission[] after = new Mission[1];
        Mission[] before = new Mission[1];
        missions.compute(missionId, (id, m) -> {
            if (m == null) {
                throw new IllegalArgumentException("unknown mission '" + missionId + "'");
            }
            before[0] = m;
            after[0] = change.apply(m);
            if (after[0] != m) {
                store.save(after[0]);
            }
            return after[0];
        });
        if (after[0] != before[0]) {
            tell(after[0]);
        }
        return after[0];
    }

    public AutoCloseable subscribe(Consumer<Mission> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void tell(Mission m) {
        for (Consumer<Mission> l : listeners) {
            l.accept(m);
        }
    }
}
