package org.skyfleet.fleet.geofence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** A {@link ZoneStore} in a concurrent sorted map; lost on restart. */
public final class InMemoryZoneStore implements ZoneStore {
    private final ConcurrentSkipListMap<String, Zone> zones = new ConcurrentSkipListMap<>();

    @Override
    public void put(Zone zone) {
        zones.put(zone.id(), zone);
    }

    @Override
    public boolean remove(String zoneId) {
        return zones.remove(zoneId) != null;
    }

    @Override
    public Optional<Zone> get(String zoneId) {
        return Optional.ofNullable(zones.get(zoneId));
    }

    @Override
    public Collection<Zone> all() {
        return List.copyOf(zones.values());
    }
}
