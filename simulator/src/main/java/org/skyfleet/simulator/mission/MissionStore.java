package org.skyfleet.simulator.mission;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * What the vehicle has stored, per MAV_MISSION_TYPE: the mission (0), the geofence (1) and the rally
 * points (2). Replacing one tells the listener the type, so the vehicle rebuilds its fence or restarts
 * its mission from the first item.
 */
public final class MissionStore {
    public static final int MISSION = 0;
    public static final int FENCE = 1;
    public static final int RALLY = 2;
    public static final int ALL = 255;

    private final List<List<MissionPlanItem>> byType = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    private final List<IntConsumer> listeners = new ArrayList<>();

    public List<MissionPlanItem> items(int missionType) {
        return Collections.unmodifiableList(byType.get(missionType));
    }

    public int count(int missionType) {
        return byType.get(missionType).size();
    }

    public void replace(int missionType, List<MissionPlanItem> items) {
        List<MissionPlanItem> list = byType.get(missionType);
        list.clear();
        list.addAll(items);
        listeners.forEach(l -> l.accept(missionType));
    }

    public void onChange(IntConsumer listener) {
        listeners.add(listener);
    }

    public static boolean isKnownType(int missionType) {
        return missionType == MISSION || missionType == FENCE || missionType == RALLY;
    }
}
