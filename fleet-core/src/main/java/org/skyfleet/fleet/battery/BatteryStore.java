package org.skyfleet.fleet.battery;

import java.util.List;
import java.util.Optional;

/** Battery packs, each written whole. A write is durable when it returns; a failed write wrote nothing. */
public interface BatteryStore {
    /** Stores the pack, replacing the one with its id. */
    void save(BatteryPack pack);

    Optional<BatteryPack> find(String packId);

    /** Every pack, in id order. */
    List<BatteryPack> list();
}
