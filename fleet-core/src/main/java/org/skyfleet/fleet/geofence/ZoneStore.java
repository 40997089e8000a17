package org.skyfleet.fleet.geofence;

import java.util.Collection;
import java.util.Optional;

/** Where zones are kept (port): in memory by default, a database adapter when configured. */
public interface ZoneStore {

    /** Stores the zone, replacing any with the same id. */
    void put(Zone zone);

    /** Stores every zone, replacing those with the same ids: all or none where the store can promise it. */
    default void putAll(Collection<Zone> zones) {
        zones.forEach(this::put);
    }

    /** Removes the zone; true when there was one. */
    boolean remove(String zoneId);

    Optional<Zone> get(String zoneId);

    /** Every zone, in id order. */
    Collection<Zone> all();
}
