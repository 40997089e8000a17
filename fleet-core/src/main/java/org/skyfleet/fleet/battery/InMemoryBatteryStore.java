package org.skyfleet.fleet.battery;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Battery packs in memory, for tests and a control plane that need not survive a restart. */
public final class InMemoryBatteryStore implements BatteryStore {
    private final Map<String, BatteryPack> packs = new TreeMap<>();

    @Override
    public synchronized void save(BatteryPack pack) {
        packs.put(pack.packId(), pack);
    }

    @Override
    public synchronized Optional<BatteryPack> find(String packId) {
        return Optional.ofNullable(packs.get(packId));
    }

    @Override
    public synchronized List<BatteryPack> list() {
        return List.copyOf(packs.values());
    }
}
