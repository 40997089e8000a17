package org.skyfleet.cluster.records;

import io.grpc.Status;
import java.util.function.BooleanSupplier;
import org.skyfleet.fleet.dispatch.Assignment;
import org.skyfleet.fleet.fusion.Sighting;
import org.skyfleet.fleet.fusion.Track;
import org.skyfleet.fleet.incident.Incident;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.store.AssignmentStore;
import org.skyfleet.fleet.store.ForwardingStore;
import org.skyfleet.fleet.incident.IncidentStore;
import org.skyfleet.fleet.store.SightingStore;
import org.skyfleet.fleet.store.Store;
import org.skyfleet.fleet.store.TrackStore;

/**
 * The shared store as the records leader writes it: each write of an incident, sighting, assignment or
 * track first checks that this node's records lease still stands, and refuses UNAVAILABLE if it has run
 * out. The leader steps down at its next tick anyway; this closes the gap between the lease running out
 * and that tick, when another node may already be writing. Reads and every other store pass through.
 */
final class LeaseCheckedStore extends ForwardingStore {
    private final BooleanSupplier leaseHeld;
    private final String nodeId;
    private final IncidentStore incidents;
    private final SightingStore sightings;
    private final AssignmentStore assignments;
    private final TrackStore tracks;

    private LeaseCheckedStore(Store inner, BooleanSupplier leaseHeld, String nodeId) {
        super(inner);
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
    public void close() {
        // the node's store, closed with the node, not with its records
    }

    private final class Incidents extends ForwardingStore.Incidents {
        Incidents(IncidentStore inner) {
            super(inner);
        }

        @Override
        public void save(Incident incident) {
            check("incident " + incident.incidentId());
            super.save(incident);
        }

        @Override
        public void appendTimeline(String incidentId, TimelineEntry entry) {
            check("the timeline of incident " + incidentId);
            super.appendTimeline(incidentId, entry);
        }
    }

    private final class Sightings extends ForwardingStore.Sightings {
        Sightings(SightingStore inner) {
            super(inner);
        }

        @Override
        public void append(Sighting sighting) {
            check("sighting " + sighting.id());
            super.append(sighting);
        }

        @Override
        public void appendWithTimeline(Sighting sighting, TimelineEntry entry) {
            check("sighting " + sighting.id());
            super.appendWithTimeline(sighting, entry);
        }
    }

    private final class Assignments extends ForwardingStore.Assignments {
        Assignments(AssignmentStore inner) {
            super(inner);
        }

        @Override
        public void save(Assignment assignment) {
            check("assignment " + assignment.assignmentId());
            super.save(assignment);
        }
    }

    private final class Tracks extends ForwardingStore.Tracks {
        Tracks(TrackStore inner) {
            super(inner);
        }

        @Override
        public void save(Track track) {
            check("track " + track.id());
            super.save(track);
        }
    }
}
