package org.skyfleet.fleet.store;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.skyfleet.fleet.audit.AuditEntry;
import org.skyfleet.fleet.audit.AuditStore;
import org.skyfleet.fleet.control.LeaseStore;
import org.skyfleet.fleet.dispatch.Assignment;
import org.skyfleet.fleet.fusion.Sighting;
import org.skyfleet.fleet.fusion.Track;
import org.skyfleet.fleet.geofence.ZoneStore;
import org.skyfleet.fleet.incident.Incident;
import org.skyfleet.fleet.incident.IncidentStore;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.mission.MissionStore;

/**
 * A store that hands everything to another: decorators extend it and override only the stores, and within
 * them the calls, they change. The nested classes do the same for single stores.
 */
public abstract class ForwardingStore implements Store {
    protected final Store inner;

    protected ForwardingStore(Store inner) {
        this.inner = inner;
    }

    @Override
    public IncidentStore incidents() {
        return inner.incidents();
    }

    @Override
    public AuditStore audit() {
        return inner.audit();
    }

    @Override
    public SightingStore sightings() {
        return inner.sightings();
    }

    @Override
    public AssignmentStore assignments() {
        return inner.assignments();
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
    public TrackStore tracks() {
        return inner.tracks();
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
    public org.skyfleet.fleet.airframe.AirframeStore airframes() {
        return inner.airframes();
    }

    @Override
    public org.skyfleet.fleet.battery.BatteryStore batteries() {
        return inner.batteries();
    }

    @Override
    public org.skyfleet.fleet.flightlog.FlightLogStore flights() {
        return inner.flights();
    }

    @Override
    public org.skyfleet.fleet.escort.RobotTaskingStore robotTaskings() {
        return inner.robotTaskings();
    }

    @Override
    public org.skyfleet.fleet.response.ResponsePolicyStore responsePolicies() {
        return inner.responsePolicies();
    }

    @Override
    public org.skyfleet.fleet.evidence.EvidenceStore evidence() {
        return inner.evidence();
    }

    @Override
    public RevocationStore revocations() {
        return inner.revocations();
    }

    @Override
    public PositionHistoryStore positions() {
        return inner.positions();
    }

    @Override
    public org.skyfleet.fleet.gate.GateCrossingStore gateCrossings() {
        return inner.gateCrossings();
    }

    @Override
    public void close() {
        inner.close();
    }

    /** Incidents handed to another incident store. */
    public static class Incidents implements IncidentStore {
        private final IncidentStore inner;

        public Incidents(IncidentStore inner) {
            this.inner = inner;
        }

        @Override
        public void save(Incident incident) {
            inner.save(incident);
        }

        @Override
        public void appendTimeline(String incidentId, TimelineEntry entry) {
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

    /** Sightings handed to another sighting store. */
    public static class Sightings implements SightingStore {
        private final SightingStore inner;

        public Sightings(SightingStore inner) {
            this.inner = inner;
        }

        @Override
        public void append(Sighting sighting) {
            inner.append(sighting);
        }

        @Override
        public void appendWithTimeline(Sighting sighting, TimelineEntry entry) {
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

    /** Assignments handed to another assignment store. */
    public static class Assignments implements AssignmentStore {
        private final AssignmentStore inner;

        public Assignments(AssignmentStore inner) {
            this.inner = inner;
        }

        @Override
        public void save(Assignment assignment) {
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

    /** Tracks handed to another track store. */
    public static class Tracks implements TrackStore {
        private final TrackStore inner;

        public Tracks(TrackStore inner) {
            this.inner = inner;
        }

        @Override
        public void save(Track track) {
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

    /** The audit chain handed to another audit store. */
    public static class Audit implements AuditStore {
        private final AuditStore inner;

        public Audit(AuditStore inner) {
            this.inner = inner;
        }

        @Override
        public AuditEntry appendNext(UnaryOperator<AuditEntry> next) {
            return inner.appendNext(next);
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
