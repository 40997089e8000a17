package org.skyfleet.fleet.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.skyfleet.fleet.incident.Incident;
import org.skyfleet.fleet.incident.IncidentStore;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.incident.UnknownIncidentException;

/** Incidents in memory, under the {@link InMemoryStore}'s one lock. */
final class InMemoryIncidentStore implements IncidentStore {
    private final Object lock;
    private final Map<String, Incident> incidents = new LinkedHashMap<>();

    InMemoryIncidentStore(Object lock) {
        this.lock = lock;
    }

    @Override
    public void save(Incident incident) {
        synchronized (lock) {
            Incident stored = incidents.get(incident.incidentId());
            List<TimelineEntry> timeline = new ArrayList<>(stored == null ? List.of() : stored.timeline());
            List<TimelineEntry> given = incident.timeline();
            timeline.addAll(given.subList(Math.min(timeline.size(), given.size()), given.size()));
            incidents.put(incident.incidentId(), withTimeline(incident, timeline));
        }
    }

    @Override
    public void appendTimeline(String incidentId, TimelineEntry entry) {
        synchronized (lock) {
            Incident stored = incidents.get(incidentId);
            if (stored == null) {
                throw new UnknownIncidentException(incidentId);
            }
            incidents.put(incidentId, stored.with(entry));
        }
    }

    @Override
    public Optional<Incident> find(String incidentId) {
        synchronized (lock) {
            return Optional.ofNullable(incidents.get(incidentId));
        }
    }

    @Override
    public List<Incident> loadOpen() {
        synchronized (lock) {
            return incidents.values().stream().filter(Incident::open)
                    .sorted(Comparator.comparing(Incident::reportedAt).thenComparing(Incident::incidentId)).toList();
        }
    }

    private Incident withTimeline(Incident i, List<TimelineEntry> t) {
        return new Incident(i.incidentId(), i.externalId(), i.type(), i.priority(), i.location(), i.reportedAt(),
                i.subjectDescription(), i.missingPerson(), i.search(), t, i.trackIds(), i.unitIds(), i.closeReason(),
                i.closedAt());
    }
}
