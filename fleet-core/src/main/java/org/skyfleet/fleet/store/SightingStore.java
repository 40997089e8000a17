package org.skyfleet.fleet.store;

import java.util.List;
import org.skyfleet.fleet.fusion.Sighting;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.incident.UnknownIncidentException;

/** Every sighting reported, as reported. */
public interface SightingStore {
    /** @throws StoreException if a sighting with this id is already stored */
    void append(Sighting sighting);

    /**
     * Stores the sighting and appends {@code entry} to its incident's timeline, both or neither.
     *
     * @throws IllegalArgumentException if the sighting names no incident
     * @throws UnknownIncidentException if that incident was never saved
     */
    void appendWithTimeline(Sighting sighting, TimelineEntry entry);

    /** The incident's sightings in time order. */
    List<Sighting> forIncident(String incidentId);

    long count();

    /** Whether a sighting with this id is stored: a report repeated after a restart is a duplicate, not an error. */
    boolean contains(String sightingId);
}
