package org.skyfleet.fleet.mission;

import java.util.List;

/** Missions with their approved items and lifecycle, each saved whole on every change. */
public interface MissionStore {
    /** Stores the mission, replacing the stored version of it. */
    void save(Mission mission);

    /** Every stored mission, in id order. */
    List<Mission> loadAll();
}
