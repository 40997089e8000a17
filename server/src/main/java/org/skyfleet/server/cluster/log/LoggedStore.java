package org.skyfleet.server.cluster.log;

import java.util.List;
import java.util.Optional;
import org.skyfleet.fleet.audit.AuditEntry;
import org.skyfleet.fleet.bus.RecordKind;
import org.skyfleet.fleet.dispatch.Assignment;
import org.skyfleet.fleet.fusion.Sighting;
import org.skyfleet.fleet.geofence.ZoneStore;
import org.skyfleet.fleet.incident.Incident;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.store.AssignmentStore;
import org.skyfleet.fleet.store.AuditStore;
import org.skyfleet.fleet.store.CommandStore;
import org.skyfleet.fleet.store.IncidentStore;
import org.skyfleet.fleet.store.LeaseStore;
import org.skyfleet.fleet.store.MissionStore;
import org.skyfleet.fleet.store.PositionHistoryStore;
import org.skyfleet.fleet.store.SightingStore;
import org.skyfleet.fleet.store.Store;
import org.skyfleet.fleet.store.TrackStore;
import org.skyfleet.fleet.store.VehicleStore;

/**
 * A store that also puts what must not be lost on the durable log once it is committed: every incident
 * as it now stands (with its timeline), sighting, assignment and audit entry, keyed by incident,
 * sighting, assignment and audit sequence. Reads, leases, zones, missions, tracks, vehicles, command outcomes
 * and the position history go to the store alone (the nodes share it).
 */
public final class LoggedStore implements Store {
    private final Store store;
    private final RecordPublisher publisher;
    private final IncidentStore incidents;
    private final SightingStore sightings;
    private final AssignmentStore assignments;
    private final AuditStore audit;

    LoggedStore(Store store, RecordPublisher publisher) {
        this.store = store;
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

    @Override
    public LeaseStore leases() {
        return store.leases();
    }

    @Override
    public PositionHistoryStore positions() {
        return store.positions();
    }

    @Override
    public ZoneStore zones() {
        return store.zones();
    }

    @Override
    public MissionStore missions() {
        return store.missions();
    }

    @Override
    public TrackStore tracks() {
        return store.tracks();
    }

    @Override
    public VehicleStore vehicles() {
        return store.vehicles();
    }

    @Override
    public CommandStore commands() {
        return store.commands();
    }

    @Override
    public void close() {
        store.close();
    }

    private final class Incidents implements IncidentStore {
        private final IncidentStore inner;

        Incidents(IncidentStore inner) {
            this.inner = inner;
        }

        @Override
        public void save(Incident incident) {
            inner.save(incident);
            publisher.publish(RecordKind.INCIDENT, incident.incidentId(), RecordCodec.incident(incident));
        }

        @Override
        public void appendTimeline(String incidentId, TimelineEntry entry) {
            inner.appendTimeline(incidentId, entry);
            // the record is the incident as it now stands: a follower never has to stitch entries together
            inner.find(incidentId).ifPresent(i -> publisher.publish(RecordKind.INCIDENT, incidentId, RecordCodec.incident(i)));
        }

        @Override
        public Optional<Incident> find(String incidentId) {
            return inner.find(incidentId);
        }

        @Override
        public List<Incident> loadOpen() {
            return inner.loadOpen();
        }
    }

    private final class Sightings implements SightingStore {
        private final SightingStore inner;

        Sightings(SightingStore inner) {
            this.inner = inner;
        }

        @Override
        public void append(Sighting sighting) {
            inner.append(sighting);
            publisher.publish(RecordKind.SIGHTING, sighting.id(), RecordCodec.sighting(sighting));
        }

        @Override
        public void appendWithTimeline(Sighting sighting, TimelineEntry entry) {
            inner.appendWithTimeline(sighting, entry);
            publisher.publish(RecordKind.SIGHTING, sighting.id(), RecordCodec.sighting(sighting));
            sighting.incidentId().flatMap(incidents::find)
                    .ifPresent(i -> publisher.publish(RecordKind.INCIDENT, i.incidentId(), RecordCodec.incident(i)));
        }

        @Override
        public List<Sighting> forIncident(String incidentId) {
            return inner.forIncident(incidentId);
        }

        @Override
        public long count() {
            return inner.count();
        }

        @Override
        public boolean contains(String sightingId) {
            return inner.contains(sightingId);
        }
    }

    private final class Assignments implements AssignmentStore {
        private final AssignmentStore inner;

        Assignments(AssignmentStore inner) {
            this.inner = inner;
        }

        @Override
        public void save(Assignment assignment) {
            inner.save(assignment);
            publisher.publish(RecordKind.ASSIGNMENT, assignment.assignmentId(), RecordCodec.assignment(assignment));
        }

        @Override
        public Optional<Assignment> find(String assignmentId) {
            return inner.find(assignmentId);
        }

        @Override
        public List<Assignment> loadOpen() {
            return inner.loadOpen();
        }

        @Override
        public long highestAssignmentNumber() {
            return inner.highestAssignmentNumber();
        }
    }

    private final class Audit implements AuditStore {
        private final AuditStore inner;

        Audit(AuditStore inner) {
            this.inner = inner;
        }

        @Override
        public AuditEntry appendNext(java.util.function.UnaryOperator<AuditEntry> next) {
            AuditEntry entry = inner.appendNext(next);
            publisher.publish(RecordKind.AUDIT, Long.toString(entry.sequence()), RecordCodec.audit(entry));
            return entry;
        }

        @Override
        public List<AuditEntry> page(long afterSequence, int limit) {
            return inner.page(afterSequence, limit);
        }

        @Override
        public List<AuditEntry> loadAll() {
            return inner.loadAll();
        }
    }
}
