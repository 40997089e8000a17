package org.skyfleet.fleet.store;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.skyfleet.fleet.fusion.Sighting;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.incident.UnknownIncidentException;

/**
 * Sightings in memory, under the {@link InMemoryStore}'s one lock; a sighting recorded with a timeline entry
 * goes onto the incident store's timeline under that same lock, so both or neither are written.
 */
final class InMemorySightingStore implements SightingStore {
    private final Object lock;
    private final InMemoryIncidentStore incidents;
    private final Map<String, Sighting> sightings = new LinkedHashMap<>();

    InMemorySightingStore(Object lock, InMemoryIncidentStore incidents) {
        this.lock = lock;
        this.incidents = incidents;
    }

    @Override
    public boolean contains(String sightingId) {
        synchronized (lock) {
            return sightings.containsKey(sightingId);
        }
    }

    @Override
    public void append(Sighting sighting) {
        synchronized (lock) {
            if (sightings.putIfAbsent(sighting.id(), sighting) != null) {
                throw new StoreException("sighting " + sighting.id() + " is already stored");
            }
        }
    }

    @Override
    public void appendWithTimeline(Sighting sighting, TimelineEntry entry) {
        synchronized (lock) {
            String incidentId = sighting.incidentId().orElseThrow(() -> new IllegalArgumentException(
                    "sighting " + sighting.id() + " names no incident to record it on"));
            if (incidents.find(incidentId).isEmpty()) {
                throw new UnknownIncidentException(incidentId);
            }
            append(sighting);
            incidents.appendTimeline(incidentId, entry);
        }
    }

    @Override
    public List<Sighting> forIncident(String incidentId) {
        synchronized (lock) {
            return sightings.values().stream().filter(s -> s.incidentId().equals(Optional.of(incidentId)))
                    .sorted(Comparator.comparingLong(Sighting::timeMs).thenComparing(Sighting::id)).toList();
        }
    }

    @Override
    public long count() {
        synchronized (lock) {
            return sightings.size();
        }
    }
}
