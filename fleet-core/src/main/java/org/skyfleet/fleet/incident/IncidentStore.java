package org.skyfleet.fleet.incident;

import java.util.List;
import java.util.Optional;

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
