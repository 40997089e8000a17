package org.skyfleet.fleet.store;

import java.util.List;
import java.util.Optional;
import org.skyfleet.fleet.incident.Incident;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.incident.UnknownIncidentException;

/**
 * Incidents and their timelines. The timeline is append-only: entry {@code n} of an incident is never
 * rewritten once stored.
 */
public interface IncidentStore {
    /**
     * Stores the incident as it stands: inserts or replaces its fields, and appends the timeline entries
     * the store does not have yet (by position: entries beyond the count already stored).
     */
    void save(Incident incident);

    /**
     * Appends one entry to a stored incident's timeline.
     *
     * @throws UnknownIncidentException if the incident was never saved
     */
    void appendTimeline(String incidentId, TimelineEntry entry);

    Optional<Incident> find(String incidentId);

    /** Every incident not closed, each with its whole timeline, in reporting order. */
    List<Incident> loadOpen();
}
