package org.skyfleet.fleet.escort;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Taskings in memory, under the lock given (the in-memory store's one lock). */
public final class InMemoryRobotTaskingStore implements RobotTaskingStore {
    private final Object lock;
    private final TreeMap<String, RobotTasking> byRobot = new TreeMap<>();

    public InMemoryRobotTaskingStore(Object lock) {
        this.lock = lock;
    }

    @Override
    public void save(RobotTasking t) {
        synchronized (lock) {
            byRobot.put(t.robotVehicleId(), t);
        }
    }

    @Override
    public Optional<RobotTasking> find(String robotVehicleId) {
        synchronized (lock) {
            return Optional.ofNullable(byRobot.get(robotVehicleId));
        }
    }

    @Override
    public List<RobotTasking> loadAll() {
        synchronized (lock) {
            return new ArrayList<>(byRobot.values());
        }
    }
}
