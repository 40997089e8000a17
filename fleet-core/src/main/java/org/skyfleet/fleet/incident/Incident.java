package org.skyfleet.fleet.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * An incident as it stands. Immutable: {@link IncidentBook} replaces it on every change.
 *
 * @param externalId    the call-taking system's reference, or empty
 * @param missingPerson the search input; null unless MISSING_PERSON
 * @param trackIds      tracks fused for it
 * @param unitIds       units assigned to it now
 * @param closedAt      null while open
 */
public record Incident(String incidentId, String externalId, IncidentType type, IncidentPriority priority, GeoPoint location,
                       Instant reportedAt, String subjectDescription, MissingPerson missingPerson, SearchStatus search,
                       List<TimelineEntry> timeline, Set<String> trackIds, Set<String> unitIds, String closeReason,
                       Instant closedAt) {
    public Incident {
        externalId = externalId == null ? "" : externalId;
        subjectDescription = subjectDescription == null ? "" : subjectDescription;
        search = search == null ? SearchStatus.NONE : search;
        timeline = List.copyOf(timeline);
        trackIds = Set.copyOf(new LinkedHashSet<>(trackIds));
        unitIds = Set.copyOf(new LinkedHashSet<>(unitIds));
        closeReason = closeReason == null ? "" : closeReason;
    }

    public boolean open() {
        return closedAt == null;
    }

    public Incident with(TimelineEntry entry) {
        List<TimelineEntry> t = new ArrayList<>(timeline);
        t.add(entry);
        return new Incident(incidentId, externalId, type, priority, location, reportedAt, subjectDescription, missingPerson,
                search, t, trackIds, unitIds, closeReason, closedAt);
    }

    public Incident withSearch(SearchStatus s) {
        return new Incident(incidentId, externalId, type, priority, location, reportedAt, subjectDescription, missingPerson,
                s, timeline, trackIds, unitIds, closeReason, closedAt);
    }

    public Incident withTrack(String trackId) {
        Set<String> t = new LinkedHashSet<>(trackIds);
        t.add(trackId);
        return new Incident(incidentId, externalId, type, priority, location, reportedAt, subjectDescription, missingPerson,
                search, timeline, t, unitIds, closeReason, closedAt);
    }

    public Incident withUnit(String unitId, boolean assigned) {
        Set<String> u = new LinkedHashSet<>(unitIds);
        if (assigned) {
            u.add(unitId);
        } else {
            u.remove(unitId);
        }
        return new Incident(incidentId, externalId, type, priority, location, reportedAt, subjectDescription, missingPerson,
                search, timeline, trackIds, u, closeReason, closedAt);
    }

    public Incident closed(Instant at, String reason) {
        return new Incident(incidentId, externalId, type, priority, location, reportedAt, subjectDescription, missingPerson,
                search, timeline, trackIds, Set.of(), reason, at);
    }
}
