package org.skyfleet.fleet.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.skyfleet.fleet.dispatch.Assignment;
import org.skyfleet.fleet.dispatch.AssignmentState;
import org.skyfleet.fleet.fusion.HorizontalUncertainty;
import org.skyfleet.fleet.fusion.Sighting;
import org.skyfleet.fleet.fusion.SourceKind;
import org.skyfleet.fleet.fusion.TargetClass;
import org.skyfleet.fleet.incident.Incident;
import org.skyfleet.fleet.incident.IncidentPriority;
import org.skyfleet.fleet.incident.IncidentType;
import org.skyfleet.fleet.incident.MissingPerson;
import org.skyfleet.fleet.incident.SearchAssignment;
import org.skyfleet.fleet.incident.SearchState;
import org.skyfleet.fleet.incident.SearchStatus;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.incident.TimelineKind;
import org.skyfleet.fleet.search.SubjectCategory;
import org.skyfleet.planner.geo.GeoPoint;

/** Small builders of stored objects, with awkward values: nanosecond times, long doubles, unicode. */
public final class StoreFixtures {
    /** Nanoseconds on purpose: a store that rounds times breaks equality and the audit chain. */
    public static final Instant T0 = Instant.parse("2026-11-23T21:40:00.123456789Z");
    public static final GeoPoint HILL = new GeoPoint(53.391234567891, -1.861234567891);

    private StoreFixtures() {
    }

    public static Incident missingPerson(String id) {
        SearchStatus search = new SearchStatus(SearchState.AWAITING_APPROVAL, T0.plusSeconds(120),
                List.of(new SearchAssignment("drone-1", "m-7", List.of("seg-3", "seg-1"), 1234.5, 31.25),
                        new SearchAssignment("drone-2", null, List.of(), 0.1, 99.99)),
                0.7312345678901234, 0.1, List.of("drone-9: battery 12 %"));
        return new Incident(id, "CAD-" + id, IncidentType.MISSING_PERSON, IncidentPriority.P1, HILL, T0,
                "Mann, 82, \"blaue Jacke\", Rollator ⚠", new MissingPerson(HILL, T0.minusSeconds(3600),
                SubjectCategory.DEMENTIA, 82), search,
                List.of(TimelineEntry.of(T0, TimelineKind.CREATED, "webhook", "call taken"),
                        TimelineEntry.of(T0.plusNanos(1), TimelineKind.SEARCH_PLANNED, "automation", "2 drones")
                                .withVehicle("drone-1")),
                Set.of("trk-1", "trk-2"), Set.of("unit-4"), null, null);
    }

    public static Incident suspect(String id, Instant reportedAt) {
        return new Incident(id, "", IncidentType.SUSPECT, IncidentPriority.P2, new GeoPoint(53.38, -1.47), reportedAt, "",
                null, SearchStatus.NONE, List.of(TimelineEntry.of(reportedAt, TimelineKind.CREATED, "dispatcher-2", "")),
                Set.of(), Set.of(), null, null);
    }

    public static TimelineEntry note(int n) {
        return TimelineEntry.of(T0.plusSeconds(10 + n), TimelineKind.NOTE, "pilot-7", "note " + n);
    }

    public static Sighting sighting(String id, long timeMs, String incidentId) {
        return new Sighting(id, SourceKind.DRONE, "drone-1", timeMs, 53.3912, -1.8612,
                new HorizontalUncertainty(25.5, 3.25, 16.0), TargetClass.PERSON, 0.875, Optional.of("frames/" + id + ".jpg"),
                Optional.ofNullable(incidentId));
    }

    public static Assignment assignment(String id, String unitId, AssignmentState state, Instant at) {
        return new Assignment(id, unitId, "inc-1", "trk-1", HILL, state, 412.5, 3017.25, T0.plusSeconds(60), at,
                "go to the track");
    }

    /** The audit entry after {@code tail} (null: the first), linked to it, with a made-up hash. */
    public static org.skyfleet.fleet.audit.AuditEntry auditAfter(org.skyfleet.fleet.audit.AuditEntry tail, String detail) {
        long sequence = tail == null ? 1 : tail.sequence() + 1;
        return new org.skyfleet.fleet.audit.AuditEntry(sequence, T0.plusMillis(sequence), "system", "test", "", detail,
                "OK", tail == null ? "0".repeat(64) : tail.hash(), "h" + sequence + detail);
    }
}
