package org.skyfleet.server.automation;

import java.util.Locale;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.dispatch.Assignment;
import org.skyfleet.fleet.dispatch.AssignmentState;
import org.skyfleet.fleet.incident.IncidentBook;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.incident.TimelineKind;
import org.skyfleet.fleet.incident.UnknownIncidentException;

/** Writes what happens to assignments on their incident's timeline and in the audit journal. */
public final class DispatchTimeline {
    private final IncidentBook incidents;
    private final AuditJournal audit;
    private final java.util.Map<String, AssignmentState> lastState = new java.util.concurrent.ConcurrentHashMap<>();

    public DispatchTimeline(IncidentBook incidents, AuditJournal audit) {
        this.incidents = incidents;
        this.audit = audit;
    }

    /** Called for every assignment change; position-only updates (the track moved) are not recorded. */
    public void onAssignment(Assignment a) {
        AssignmentState previous = a.state().open() ? lastState.put(a.assignmentId(), a.state()) : lastState.remove(a.assignmentId());
        if (a.state() == previous) {
            return;
        }
        TimelineKind kind = switch (a.state()) {
            case OFFERED -> TimelineKind.UNIT_ASSIGNED;
            case ACKNOWLEDGED -> TimelineKind.UNIT_ACKNOWLEDGED;
            case ARRIVED -> TimelineKind.UNIT_ARRIVED;
            case REASSIGNED -> TimelineKind.UNIT_REASSIGNED;
            case CANCELLED -> null;
        };
        String text = switch (a.state()) {
            case OFFERED -> String.format(Locale.ROOT, "%s assigned to track %s: %.0f m, ETA %.0f min", a.unitId(), a.trackId(),
                    a.distanceM(), a.etaS() / 60);
            case ACKNOWLEDGED -> a.unitId() + " acknowledged, on the way";
            case ARRIVED -> a.unitId() + " arrived at the subject";
            case REASSIGNED -> a.unitId() + " did not acknowledge in time; passing to the next unit";
            case CANCELLED -> "";
        };
        audit.append("automation", "dispatch " + a.state().name().toLowerCase(Locale.ROOT), a.unitId(),
                a.assignmentId() + " incident " + a.incidentId() + " track " + a.trackId(), a.state().name());
        if (kind == null) {
            return;
        }
        String actor = a.state() == AssignmentState.OFFERED || a.state() == AssignmentState.REASSIGNED ? "automation" : a.unitId();
        TimelineEntry entry = TimelineEntry.of(incidents.clock().instant(), kind, actor, text).withUnit(a.unitId())
                .withTrack(a.trackId()).withParams("unit", a.unitId(), "track", a.trackId(),
                        "distance_m", String.format(Locale.ROOT, "%.0f", a.distanceM()),
                        "eta_min", String.format(Locale.ROOT, "%.0f", a.etaS() / 60));
        boolean assigned = a.state().open();
        try {
            incidents.update(a.incidentId(), i -> i.withUnit(a.unitId(), assigned), entry);
        } catch (UnknownIncidentException e) {
            // an assignment made for a track with no incident: nothing to write on
        }
    }
}
