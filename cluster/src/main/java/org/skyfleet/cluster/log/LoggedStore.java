package org.skyfleet.cluster.log;

import java.util.function.UnaryOperator;
import org.skyfleet.fleet.audit.AuditEntry;
import org.skyfleet.fleet.bus.RecordKind;
import org.skyfleet.fleet.dispatch.Assignment;
import org.skyfleet.fleet.fusion.Sighting;
import org.skyfleet.fleet.incident.Incident;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.store.AssignmentStore;
import org.skyfleet.fleet.audit.AuditStore;
import org.skyfleet.fleet.store.ForwardingStore;
import org.skyfleet.fleet.incident.IncidentStore;
import org.skyfleet.fleet.store.SightingStore;
import org.skyfleet.fleet.store.Store;

/**
 * A store that also puts what must not be lost on the durable log once it is committed: every incident
 * as it now stands (with its timeline), sighting, assignment and audit entry, keyed by incident,
 * sighting, assignment and audit sequence. Reads, leases, zones, missions, tracks, vehicles, command outcomes
 * and the position history go to the store alone (the nodes share it).
 */
public final class LoggedStore extends ForwardingStore {
    private final RecordPublisher publisher;
    private final IncidentStore incidents;
    private final SightingStore sightings;
    private final AssignmentStore assignments;
    private final AuditStore audit;

    LoggedStore(Store store, RecordPublisher publisher) {
        super(store);
        this.publisher = publisher;
        this.incidents = new Incidents(store.incidents());
        this.sightings = new Sightings(store.sightings());
        this.assignments = new Assignments(store.assignments());
        this.audit = new Audit(store.audit());
    }

    /** {@code store}, with its writes also appended to {@code log}, waiting up to {@code ackWait} for each. */
    public static Store over(Store store, org.skyfleet.fleet.bus.DurableLog log, java.time.Duration ackWait) {
        return new LoggedStore(store, new RecordPublisher(log, ackWait));
    }

    @Override
    public IncidentStore incidents() {
        return incidents;
    }

    @Override
    public AuditStore audit() {
        return audit;
    }

    @Override
    public SightingStore sightings() {
        return sightings;
    }

    @Override
    public AssignmentStore assignments() {
        return assignments;
    }

    private final class Incidents extends ForwardingStore.Incidents {
        Incidents(IncidentStore inner) {
            super(inner);
        }

        @Override
        public void save(Incident incident) {
            super.save(incident);
            publisher.publish(RecordKind.INCIDENT, incident.incidentId(), RecordCodec.incident(incident));
        }

        @Override
        public void appendTimeline(String incidentId, TimelineEntry entry) {
            super.appendTimeline(incidentId, entry);
            // the record is the incident as it now stands: a follower never has to stitch entries together
            find(incidentId).ifPresent(i -> publisher.publish(RecordKind.INCIDENT, incidentId, RecordCodec.incident(i)));
        }
    }

    private final class Sightings extends ForwardingStore.Sightings {
        Sightings(SightingStore inner) {
            super(inner);
        }

        @Override
        public void append(Sighting sighting) {
            super.append(sighting);
            publisher.publish(RecordKind.SIGHTING, sighting.id(), RecordCodec.sighting(sighting));
        }

        @Override
        public void appendWithTimeline(Sighting sighting, TimelineEntry entry) {
            super.appendWithTimeline(sighting, entry);
            publisher.publish(RecordKind.SIGHTING, sighting.id(), RecordCodec.sighting(sighting));
            sighting.incidentId().flatMap(incidents::find)
                    .ifPresent(i -> publisher.publish(RecordKind.INCIDENT, i.incidentId(), RecordCodec.incident(i)));
        }
    }

    private final class Assignments extends ForwardingStore.Assignments {
        Assignments(AssignmentStore inner) {
            super(inner);
        }

        @Override
        public void save(Assignment assignment) {
            super.save(assignment);
            publisher.publish(RecordKind.ASSIGNMENT, assignment.assignmentId(), RecordCodec.assignment(assignment));
        }
    }

    private final class Audit extends ForwardingStore.Audit {
        Audit(AuditStore inner) {
            super(inner);
        }

        @Override
        public AuditEntry appendNext(UnaryOperator<AuditEntry> next) {
            AuditEntry entry = super.appendNext(next);
            publisher.publish(RecordKind.AUDIT, Long.toString(entry.sequence()), RecordCodec.audit(entry));
            return entry;
        }
    }
}
