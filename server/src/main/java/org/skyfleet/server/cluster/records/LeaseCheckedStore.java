package org.skyfleet.server.cluster.records;

import io.grpc.Status;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.skyfleet.fleet.dispatch.Assignment;
import org.skyfleet.fleet.fusion.Sighting;
import org.skyfleet.fleet.fusion.Track;
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
import org.skyfleet.fleet.geofence.ZoneStore;

/**
 * The shared store as the records leader writes it: each write of an incident, sighting, assignment or
 * track first checks that this node's records lease still stands, and refuses UNAVAILABLE if it has run
 * out. The leader steps down at its next tick anyway; this closes the gap between the lease running out
 * and that tick, when another node may already be writing. Reads and every other store pass through.
 */
final class LeaseCheckedStore implements Store {
    private final Store inner;
    private final BooleanSupplier leaseHeld;
    private final String nodeId;
    private final IncidentStore incidents;
    private final SightingStore sightings;
    private final AssignmentStore assignments;
    private final TrackStore tracks;

    private LeaseCheckedStore(Store inner, BooleanSupplier leaseHeld, String nodeId) {
        this.inner = inner;
        this.leaseHeld = leaseHeld;
        this.nodeId = nodeId;
        this.incidents = new Incidents(inner.incidents());
        this.sightings = new Sightings(inner.sightings());
        this.assignments = new Assignments(inner.assignments());
        this.tracks = new Tracks(inner.tracks());
    }

    static Store over(Store inner, BooleanSupplier leaseHeld, String nodeId) {
        return new LeaseCheckedStore(inner, leaseHeld, nodeId);
    }

    private void check(String what) {
        if (!leaseHeld.getAsBoolean()) {
            throw Status.UNAVAILABLE.withDescription("node " + nodeId + " no longer leads the records (its lease ran out); "
                    + what + " was not written: retry").asRuntimeException();
        }
    }

    @Override
    public IncidentStore incidents() {
        return incidents;
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
    public TrackStore tracks() {
        return tracks;
    }

    @Override
    public AuditStore audit() {
        return inner.audit();
    }

    @Override
    public LeaseStore leases() {
        return inner.leases();
    }

    @Override
    public ZoneStore zones() {
        return inner.zones();
    }

    @Override
    public MissionStore missions() {
        return inner.missions();
    }

    @Override
    public VehicleStore vehicles() {
        return inner.vehicles();
    }

    @Override
    public CommandStore commands() {
        return inner.commands();
    }

    @Override
    public PositionHistoryStore positions() {
        return inner.positions();
    }

    @Override
    public void close() {
        // the node's store, closed with the node, not with its records
    }

    private final class Incidents implements IncidentStore {
        private final IncidentStore inner;

        Incidents(IncidentStore inner) {
            this.inner = inner;
        }

        @Override
        public void save(Incident incident) {
            check("incident " + incident.incidentId());
            inner.save(incident);
        }

        @Override
        public void appendTimeline(String incidentId, TimelineEntry entry) {
            check("the timeline of incident " + incidentId);
            inner.appendTimeline(incidentId, entry);
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
            check("sighting " + sighting.id());
            inner.append(sighting);
        }

        @Override
        public void appendWithTimeline(Sighting sighting, TimelineEntry entry) {
            check("sighting " + sighting.id());
            inner.appendWithTimeline(sighting, entry);
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
            check("assignment " + assignment.assignmentId());
            inner.save(assignment);
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

    private final class Tracks implements TrackStore {
        private final TrackStore inner;

        Tracks(TrackStore inner) {
            this.inner = inner;
        }

        @Override
        public void save(Track track) {
            check("track " + track.id());
            inner.save(track);
        }

        @Override
        public List<Track> loadLive() {
            return inner.loadLive();
        }

        @Override
        public long highestTrackNumber() {
            return inner.highestTrackNumber();
        }
    }
}
