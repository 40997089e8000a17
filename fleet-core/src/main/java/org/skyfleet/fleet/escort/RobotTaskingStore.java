package org.skyfleet.fleet.escort;

import java.util.List;
import java.util.Optional;

/**
 * The robots' taskings, one row per robot: pairings survive a restart. Writes return once durable, as every port of
 * {@link org.skyfleet.fleet.store.Store} does.
 */
public interface RobotTaskingStore {

    /** Keeps {@code t} as the robot's tasking, replacing the one before. */
    void save(RobotTasking t);

    Optional<RobotTasking> find(String robotVehicleId);

    /** Every robot's tasking, by robot id. */
    List<RobotTasking> loadAll();
}
