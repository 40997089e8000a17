package org.skyfleet.fleet.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.skyfleet.fleet.audit.AuditStore;
import org.skyfleet.fleet.audit.InMemoryAuditStore;
import org.skyfleet.fleet.control.ControlLease;
import org.skyfleet.fleet.control.LeaseStore;
import org.skyfleet.fleet.dispatch.Assignment;
import org.skyfleet.fleet.fusion.Sighting;
import org.skyfleet.fleet.fusion.Track;
import org.skyfleet.fleet.fusion.TrackState;
import org.skyfleet.fleet.geofence.InMemoryZoneStore;
import org.skyfleet.fleet.geofence.ZoneStore;
import org.skyfleet.fleet.incident.Incident;
import org.skyfleet.fleet.incident.IncidentStore;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.incident.UnknownIncidentException;
import org.skyfleet.fleet.mission.Mission;
import org.skyfleet.fleet.mission.MissionStore;

/**
 * The store kept in memory: the fake for tests and for a control plane that need not survive a restart.
 * Same contract as the JDBC adapter except durability; {@link #close()} keeps the data, so a test can
 * "restart" by handing the same instance to a new service. One lock for everything: it is a fake. Position
 * history is kept for the last hour per vehicle only.
 */
public final class InMemoryStore implements Store {
    /** How much position history per vehicle memory keeps, behind its newest sample. */
    static final java.time.Duration POSITION_RETENTION = java.time.Duration.ofHours(1);

    private final Map<String, Incident> incidents = new LinkedHashMap<>();
    private final Map<String, Sighting> sightings = new LinkedHashMap<>();
    private final Map<String, Assignment> assignments = new TreeMap<>();
    private final Map<String, ControlLease> leases = new TreeMap<>();
    private final Map<String, TreeMap<Instant, PositionSample>> positions = new LinkedHashMap<>();

    private final IncidentStore incidentStore = new Incidents();
    private final AuditStore auditStore = new InMemoryAuditStore();
    private final SightingStore sightingStore = new Sightings();
    private final AssignmentStore assignmentStore = new Assignments();
    private final LeaseStore leaseStore = new Leases();
    private final PositionHistoryStore positionStore = new Positions();
    private final ZoneStore zoneStore = new InMemoryZoneStore();
    private final Map<String, Mission> missions = new TreeMap<>();
    private final Map<String, Track> tracks = new TreeMap<>(Comparator.comparingLong(TrackStore::numberOf)
            .thenComparing(Comparator.naturalOrder()));
    private final Map<String, VehicleRecord> vehicles = new TreeMap<>();
    private final MissionStore missionStore = new Missions();
    private final TrackStore trackStore = new Tracks();
    private final VehicleStore vehicleStore = new Vehicles();
    private final Map<String, CommandRecord> commands = new LinkedHashMap<>();
    private final CommandStore commandStore = new Commands();

    @Override
    public IncidentStore incidents() {
        return incidentStore;
    }

    @Override
    public AuditStore audit() {
        return auditStore;
    }

    @Override
    public SightingStore sightings() {
        return sightingStore;
    }

    @Override
    public AssignmentStore assignments() {
        return assignmentStore;
    }

    @Override
    public LeaseStore leases() {
        return leaseStore;
    }

    @Override
    public ZoneStore zones() {
        return zoneStore;
    }

    @Override
    public MissionStore missions() {
        return missionStore;
    }

    @Override
    public TrackStore tracks() {
        return trackStore;
    }

    @Override
    public VehicleStore vehicles() {
        return vehicleStore;
    }

    @Override
    public CommandStore commands() {
        return commandStore;
    }

    @Override
    public PositionHistoryStore positions() {
        return positionStore;
    }

    @Override
    public void close() {
    }

    private final class Incidents implements IncidentStore {
        @Override
        public void save(Incident incident) {
            synchronized (InMemoryStore.this) {
                Incident stored = incidents.get(incident.incidentId());
                List<TimelineEntry> timeline = new ArrayList<>(stored == null ? List.of() : stored.timeline());
                List<TimelineEntry> given = incident.timeline();
                timeline.addAll(given.subList(Math.min(timeline.size(), given.size()), given.size()));
                incidents.put(incident.incidentId(), withTimeline(incident, timeline));
            }
        }

        @Override
        public void appendTimeline(String incidentId, TimelineEntry entry) {
            synchronized (InMemoryStore.this) {
                Incident stored = incidents.get(incidentId);
                if (stored == null) {
                    throw new UnknownIncidentException(incidentId);
                }
                incidents.put(incidentId, stored.with(entry));
            }
        }

        @Override
        public Optional<Incident> find(String incidentId) {
            synchronized (InMemoryStore.this) {
                return Optional.ofNullable(incidents.get(incidentId));
            }
        }

        @Override
        public List<Incident> loadOpen() {
            synchronized (InMemoryStore.this) {
                return incidents.values().stream().filter(Incident::open)
                        .sorted(Comparator.comparing(Incident::reportedAt).thenComparing(Incident::incidentId)).toList();
            }
        }

        private Incident withTimeline(Incident i, List<TimelineEntry> t) {
            return new Incident(i.incidentId(), i.externalId(), i.type(), i.priority(), i.location(), i.reportedAt(),
                    i.subjectDescription(), i.missingPerson(), i.search(), t, i.trackIds(), i.unitIds(), i.closeReason(),
                    i.closedAt());
        }
    }

    private final class Sightings implements SightingStore {
        @Override
        public boolean contains(String sightingId) {
            synchronized (InMemoryStore.this) {
                return sightings.containsKey(sightingId);
            }
        }

        @Override
        public void append(Sighting sighting) {
            synchronized (InMemoryStore.this) {
                if (sightings.putIfAbsent(sighting.id(), sighting) != null) {
                    throw new StoreException("sighting " + sighting.id() + " is already stored");
                }
            }
        }

        @Override
        public void appendWithTimeline(Sighting sighting, TimelineEntry entry) {
            synchronized (InMemoryStore.this) {
                String incidentId = sighting.incidentId().orElseThrow(() -> new IllegalArgumentException(
                        "sighting " + sighting.id() + " names no incident to record it on"));
                if (!incidents.containsKey(incidentId)) {
                    throw new UnknownIncidentException(incidentId);
                }
                append(sighting);
                incidentStore.appendTimeline(incidentId, entry);
            }
        }

        @Override
        public List<Sighting> forIncident(String incidentId) {
            synchronized (InMemoryStore.this) {
                return sightings.values().stream().filter(s -> s.incidentId().equals(Optional.of(incidentId)))
                        .sorted(Comparator.comparingLong(Sighting::timeMs).thenComparing(Sighting::id)).toList();
            }
        }

        @Override
        public long count() {
            synchronized (InMemoryStore.this) {
                return sightings.size();
            }
        }
    }

    private final class Assignments implements AssignmentStore {
        @Override
        public void save(Assignment assignment) {
            synchronized (InMemoryStore.this) {
                assignments.put(assignment.assignmentId(), assignment);
            }
        }

        @Override
        public Optional<Assignment> find(String assignmentId) {
            synchronized (InMemoryStore.this) {
                return Optional.ofNullable(assignments.get(assignmentId));
            }
        }

        @Override
        public List<Assignment> loadOpen() {
            synchronized (InMemoryStore.this) {
                return assignments.values().stream().filter(a -> a.state().open()).toList();
            }
        }

        @Override
        public long highestAssignmentNumber() {
            synchronized (InMemoryStore.this) {
                return assignments.keySet().stream().mapToLong(AssignmentStore::numberOf).max().orElse(0);
            }
        }
    }

    private final class Leases implements LeaseStore {
        @Override
        public void save(ControlLease lease) {
            synchronized (InMemoryStore.this) {
                leases.put(lease.vehicleId(), lease);
            }
        }

        @Override
        public void delete(String vehicleId) {
            synchronized (InMemoryStore.this) {
                leases.remove(vehicleId);
            }
        }

        @Override
        public List<ControlLease> loadLive(Instant now) {
            synchronized (InMemoryStore.this) {
                return leases.values().stream().filter(l -> l.isLive(now)).toList();
            }
        }
    }

    private final class Positions implements PositionHistoryStore {
        @Override
        public void append(String vehicleId, Instant time, double latDeg, double lonDeg, double altAmslM) {
            synchronized (InMemoryStore.this) {
                TreeMap<Instant, PositionSample> samples = positions.computeIfAbsent(vehicleId, v -> new TreeMap<>());
                samples.putIfAbsent(time, new PositionSample(vehicleId, time, latDeg, lonDeg, altAmslM));
                // Memory is not a history archive: a demo running for days keeps the last hour per vehicle.
                samples.headMap(samples.lastKey().minus(POSITION_RETENTION)).clear();
            }
        }

        @Override
        public List<PositionSample> replay(String vehicleId, Instant from, Instant to) {
            synchronized (InMemoryStore.this) {
                TreeMap<Instant, PositionSample> samples = positions.get(vehicleId);
                return samples == null ? List.of() : List.copyOf(samples.subMap(from, true, to, false).values());
            }
        }
    }

    private final class Missions implements MissionStore {
        @Override
        public void save(Mission mission) {
            synchronized (InMemoryStore.this) {
                missions.put(mission.missionId(), mission);
            }
        }

        @Override
        public List<Mission> loadAll() {
            synchronized (InMemoryStore.this) {
                return List.copyOf(missions.values());
            }
        }
    }

    private final class Tracks implements TrackStore {
        @Override
        public void save(Track track) {
            synchronized (InMemoryStore.this) {
                tracks.put(track.id(), track);
            }
        }

        @Override
        public List<Track> loadLive() {
            synchronized (InMemoryStore.this) {
                return tracks.values().stream().filter(t -> t.state() != TrackState.DROPPED).toList();
            }
        }

        @Override
        public long highestTrackNumber() {
            synchronized (InMemoryStore.this) {
                return tracks.keySet().stream().mapToLong(TrackStore::numberOf).max().orElse(0);
            }
        }
    }

    private final class Vehicles implements VehicleStore {
        @Override
        public void save(VehicleRecord vehicle) {
            synchronized (InMemoryStore.this) {
                VehicleRecord stored = vehicles.get(vehicle.vehicleId());
                vehicles.put(vehicle.vehicleId(), stored == null ? vehicle
                        : new VehicleRecord(vehicle.identity(), stored.firstSeen(), vehicle.lastSeen(), vehicle.linkState(),
                                vehicle.lastLatDeg(), vehicle.lastLonDeg(), vehicle.lastAltAmslM()));
            }
        }

        @Override
        public List<VehicleRecord> loadAll() {
            synchronized (InMemoryStore.this) {
                return List.copyOf(vehicles.values());
            }
        }
    }

    private final class Commands implements CommandStore {
        @Override
        public void save(CommandRecord command) {
            synchronized (InMemoryStore.this) {
                if (commands.putIfAbsent(command.commandId(), command) != null) {
                    throw new StoreException("command " + command.commandId() + " is already stored");
                }
            }
        }

        @Override
        public List<CommandRecord> loadSince(Instant since) {
            synchronized (InMemoryStore.this) {
                return commands.values().stream().filter(c -> !c.answeredAt().isBefore(since))
                        .sorted(Comparator.comparing(CommandRecord::answeredAt)).toList();
            }
        }

        @Override
        public Optional<CommandRecord> find(String commandId) {
            synchronized (InMemoryStore.this) {
                return Optional.ofNullable(commands.get(commandId));
            }
        }
    }
}
