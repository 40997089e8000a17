package org.skyfleet.fleet.store;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.skyfleet.fleet.mission.Mission;
import org.skyfleet.fleet.mission.MissionStore;

/** Missions in memory, under the {@link InMemoryStore}'s one lock. */
final class InMemoryMissionStore implements MissionStore {
    private final Object lock;
    private final Map<String, Mission> missions = new TreeMap<>();

    InMemoryMissionStore(Object lock) {
        this.lock = lock;
    }

    @Override
    public void save(Mission mission) {
        synchronized (lock) {
            missions.put(mission.missionId(), mission);
        }
    }

    @Override
    public List<Mission> loadAll() {
        synchronized (lock) {
            return List.copyOf(missions.values());
        }
    }
}
