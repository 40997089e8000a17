package org.skyfleet.server.gate;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.skyfleet.fleet.dispatch.GroundUnit;
import org.skyfleet.fleet.dispatch.UnitRoster;
import org.skyfleet.fleet.fusion.Track;
import org.skyfleet.fleet.gate.CrossingDetector;
import org.skyfleet.fleet.gate.CrossingDirection;
import org.skyfleet.fleet.gate.GateCounters;
import org.skyfleet.fleet.gate.GateCrossing;
import org.skyfleet.fleet.gate.GateCrossingStore;
import org.skyfleet.fleet.gate.GateOutline;
import org.skyfleet.fleet.gate.GateOutlines;
import org.skyfleet.fleet.gate.GateTally;
import org.skyfleet.fleet.gate.SubjectKind;
import org.skyfleet.fleet.geofence.Geofences;
import org.skyfleet.fleet.geofence.Zone;
import org.skyfleet.fleet.incident.IncidentBook;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.incident.TimelineKind;
import org.skyfleet.fleet.vehicle.PositionSample;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.fleet.vessel.Vessel;
import org.skyfleet.fleet.vessel.VesselRegistry;
import org.skyfleet.server.sighting.TrackFeed;

/**
 * Counts the gates' crossings. Once a period (a second by default) it samples every position the node holds:
 * vehicles (an aircraft is a drone, a ground or surface vehicle a robot), ground units, fusion tracks and
 * vessels, and feeds them to the crossing detector. Sampling instead of following every update conflates by
 * itself (a vehicle reporting at 5 Hz is looked at once a second) and the detector's segment test still sees a
 * subject that passed right through a gate between two samples. A fusion track that belongs to an open incident
 * is watched: its crossing is raised as an alert and written on the incident's timeline (codes
 * NOTE_GATE_ENTERED / NOTE_GATE_LEFT with the gate's name and the track). A track or vessel on the {@link #watchList()
 * watch list} is watched too: its crossing is alerted (there is no incident to write on). All on one thread of its own;
 * the counters are read by gRPC threads under this object's lock.
 * <p>Each pass's crossings are written to the store, and a new watch reloads those since the earlier of an hour
 * ago and the local midnight, so the last hour's and today's counters (and the latest crossings) survive a
 * restart. The store is written from the watch's thread: a failed write is logged and the counting goes on.
 * Crossings older than two days are deleted from the store once an hour.
 */
public final class GateWatch implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(GateWatch.class.getName());
    /** Latest crossings kept over all gates, for ListGates. */
    static final int LATEST_KEPT = 500;

    /**
     * What the watch reads and acts with. The records (units, tracks, incidents) may be on this node or not: the
     * suppliers say which, each time.
     */
    public record Context(Geofences geofences, VehicleRegistry vehicles, VesselRegistry vessels,
                          Supplier<Optional<UnitRoster>> units, Supplier<Optional<TrackFeed>> tracks,
                          Supplier<Optional<IncidentBook>> incidents, WatchedCrossings alerts, InstantSource clock,
                          ZoneId zone, Duration period, GateCrossingStore crossings) {
    }

    /** How long crossings are kept in the store: the counters need today's, and yesterday's are a margin. */
    static final Duration KEPT = Duration.ofDays(2);

    private final Context c;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            new DefaultThreadFactory("skyfleet-gates", true));
    private final CrossingDetector detector;
    private final GateCounters counters;
    private final List<Consumer<List<Observed>>> listeners = new CopyOnWriteArrayList<>();
    /** Watched crossings among the latest kept, as observed (guarded by this). */
    private final Map<GateCrossing, Observed> watched = new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<GateCrossing, Observed> eldest) {
            return size() > LATEST_KEPT;
        }
    };
    private final org.skyfleet.fleet.gate.WatchList watchList = new org.skyfleet.fleet.gate.WatchList();

    /**
     * A crossing as the watch saw it.
     *
     * @param incidentId the incident of a watched track; empty for every other crossing
     * @param watched    an open incident's track, or a subject on the watch list: an alert was raised
     */
    public record Observed(GateCrossing crossing, String incidentId, boolean watched) {
        public Observed(GateCrossing crossing, String incidentId) {
            this(crossing, incidentId, !incidentId.isEmpty());
        }
    }
    private final AutoCloseable zoneSubscription;
    private volatile GateOutlines gates;
    private volatile long samples;
    private Instant lastPrune = Instant.MIN;

    public GateWatch(Context context) {
        this.c = context;
        this.gates = GateOutlines.of(context.geofences().all());
        this.zoneSubscription = context.geofences().onChange(id -> thread.execute(this::reloadGates));
        this.detector = new CrossingDetector(() -> gates);
        this.counters = new GateCounters(context.zone(), LATEST_KEPT);
        reload();
        long periodMs = context.period().toMillis();
        thread.scheduleWithFixedDelay(guarded(this::sample), periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    /** Counts again what the store kept from the last hour and today: what a restart would otherwise zero. */
    private void reload() {
        Instant now = c.clock().instant();
        Instant midnight = java.time.LocalDate.ofInstant(now, c.zone()).atStartOfDay(c.zone()).toInstant();
        Instant hourAgo = now.minus(Duration.ofHours(1));
        Instant from = midnight.isBefore(hourAgo) ? midnight : hourAgo;
        try {
            Set<String> ids = new HashSet<>();
            gates.all().forEach(g -> ids.add(g.id()));
            int n = 0;
            synchronized (this) {
                for (GateCrossing x : c.crossings().since(from)) {
                    if (ids.contains(x.gateId()) && !x.time().isAfter(now)) {
                        counters.record(x);
                        n++;
                    }
                }
            }
            if (n > 0) {
                int count = n;
                LOG.info(() -> "gate counters reloaded " + count + " crossings since " + from);
            }
        } catch (org.skyfleet.fleet.store.StoreException e) {
            LOG.log(Level.WARNING, "gate crossings could not be reloaded: the counters start from zero", e);
        }
    }

    private void persist(List<GateCrossing> found, Instant now) {
        try {
            c.crossings().append(found);
        } catch (org.skyfleet.fleet.store.StoreException e) {
            LOG.log(Level.WARNING, found.size() + " gate crossings not stored: a restart will not count them", e);
        }
        prune(now);
    }

    private void prune(Instant now) {
        if (lastPrune.plus(Duration.ofHours(1)).isAfter(now)) {
            return;
        }
        lastPrune = now;
        try {
            c.crossings().deleteBefore(now.minus(KEPT));
        } catch (org.skyfleet.fleet.store.StoreException e) {
            LOG.log(Level.WARNING, "old gate crossings not deleted; tried again in an hour", e);
        }
    }

    /** The gates as now defined. */
    public List<Zone> gates() {
        return gates.all().stream().map(GateOutline::zone).toList();
    }

    /** A gate's counters now. */
    public synchronized GateTally tally(String gateId, Instant now) {
        return counters.tally(gateId, now);
    }

    /** A gate's latest crossings, newest first. */
    public synchronized List<Observed> latest(String gateId, int max) {
        return counters.latest(Set.of(gateId), max).stream().map(x -> watched.getOrDefault(x, new Observed(x, ""))).toList();
    }

    /** The command centre's watch list: tracks and vessels whose crossings are watched. */
    public org.skyfleet.fleet.gate.WatchList watchList() {
        return watchList;
    }

    /** The deployment's zone, whose midnight starts "today". */
    public ZoneId zone() {
        return c.zone();
    }

    /** Completed sampling passes, for tests and metrics. */
    public long samples() {
        return samples;
    }

    /** Tells {@code listener} each pass's crossings (on the watch's thread: it must not block). */
    public AutoCloseable subscribe(Consumer<List<Observed>> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Runs {@code work} on the watch's thread, after the pass under way. */
    void execute(Runnable work) {
        thread.execute(work);
    }

    /** True when a crossing is of a watched track: one whose track belongs to an open incident. */
    private Optional<String> watchedIncident(GateCrossing x, Track t) {
        if (x.kind() != SubjectKind.TRACK || t == null || t.incidentId().isEmpty()) {
            return Optional.empty();
        }
        String incidentId = t.incidentId().get();
        return c.incidents().get().flatMap(book -> book.find(incidentId))
                .filter(org.skyfleet.fleet.incident.Incident::open).map(i -> incidentId);
    }

    private void reloadGates() {
        gates = GateOutlines.of(c.geofences().all());
        Set<String> ids = new HashSet<>();
        gates.all().forEach(g -> ids.add(g.id()));
        synchronized (this) {
            counters.retainGates(ids);
        }
    }

    private void sample() {
        Instant now = c.clock().instant();
        List<GateCrossing> found = new ArrayList<>();
        Set<String> drones = new HashSet<>();
        Set<String> robots = new HashSet<>();
        for (VehicleState v : c.vehicles().all()) {
            PositionSample p = v.position();
            if (p == null) {
                continue;
            }
            boolean robot = v.identity().kind() != null && v.identity().kind().isSurface();
            (robot ? robots : drones).add(v.vehicleId());
            found.addAll(detector.observe(robot ? SubjectKind.ROBOT : SubjectKind.DRONE, v.vehicleId(), p.latDeg(), p.lonDeg(), now));
        }
        detector.retain(SubjectKind.DRONE, drones);
        detector.retain(SubjectKind.ROBOT, robots);
        Set<String> units = new HashSet<>();
        for (GroundUnit u : c.units().get().map(UnitRoster::all).orElse(List.of())) {
            if (u.position() != null && !u.type().robot()) { // a robot on the roster is counted once, as a ROBOT above
                units.add(u.unitId());
                found.addAll(detector.observe(SubjectKind.GROUND_UNIT, u.unitId(), u.position().latDeg(), u.position().lonDeg(), now));
            }
        }
        detector.retain(SubjectKind.GROUND_UNIT, units);
        Map<String, Track> tracks = new java.util.HashMap<>();
        for (Track t : c.tracks().get().map(TrackFeed::tracks).orElse(List.of())) {
            tracks.put(t.id(), t);
            found.addAll(detector.observe(SubjectKind.TRACK, t.id(), t.latDeg(), t.lonDeg(), now));
        }
        detector.retain(SubjectKind.TRACK, tracks.keySet());
        Set<String> vessels = new HashSet<>();
        for (Vessel v : c.vessels().all()) {
            if (v.hasPosition()) {
                String mmsi = Long.toString(v.mmsi());
                vessels.add(mmsi);
                found.addAll(detector.observe(SubjectKind.VESSEL, mmsi, v.latDeg(), v.lonDeg(), now));
            }
        }
        detector.retain(SubjectKind.VESSEL, vessels);
        if (!found.isEmpty()) {
            List<Observed> observed = new ArrayList<>();
            for (GateCrossing x : found) {
                String incidentId = watchedIncident(x, tracks.get(x.subjectId())).orElse("");
                boolean listed = watchList.find(x.kind(), x.subjectId()).isPresent();
                observed.add(new Observed(x, incidentId, listed || !incidentId.isEmpty()));
            }
            synchronized (this) {
                for (Observed o : observed) {
                    counters.record(o.crossing());
                    if (o.watched()) {
                        watched.put(o.crossing(), o);
                    }
                }
            }
            for (Observed o : observed) {
                if (o.watched()) {
                    raise(o.crossing(), o.incidentId());
                }
            }
            persist(found, now);
            List<Observed> published = List.copyOf(observed);
            listeners.forEach(l -> l.accept(published));
        }
        samples++;
    }

    private void raise(GateCrossing x, String incidentId) {
        String gateName = gates.all().stream().filter(g -> g.id().equals(x.gateId())).findFirst()
                .map(g -> g.zone().name()).orElse(x.gateId());
        boolean in = x.direction() == CrossingDirection.IN;
        c.alerts().raise(x, gateName, incidentId);
        if (incidentId.isEmpty()) {
            return; // on the watch list, not an incident's: the alert is all
        }
        c.incidents().get().ifPresent(book -> book.record(incidentId, new TimelineEntry(x.time(), TimelineKind.NOTE,
                String.format(Locale.ROOT, "watched track %s %s gate %s", x.subjectId(), in ? "entered" : "left", gateName),
                "gates", "", x.subjectId(), "", "", in ? "NOTE_GATE_ENTERED" : "NOTE_GATE_LEFT",
                Map.of("gate", gateName, "track", x.subjectId()))));
    }

    private static Runnable guarded(Runnable r) {
        return () -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "gate pass failed; the next one runs as usual", e);
            }
        };
    }

    @Override
    public void close() throws Exception {
        zoneSubscription.close();
        thread.shutdownNow();
    }
}
