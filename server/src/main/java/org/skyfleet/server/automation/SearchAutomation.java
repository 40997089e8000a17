package org.skyfleet.server.automation;

import io.grpc.Status;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Geometry;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.command.VehicleCommands;
import org.skyfleet.fleet.control.ControlLeases;
import org.skyfleet.fleet.control.LeaseConflictException;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.incident.Incident;
import org.skyfleet.fleet.incident.IncidentBook;
import org.skyfleet.fleet.incident.IncidentChange;
import org.skyfleet.fleet.incident.IncidentType;
import org.skyfleet.fleet.incident.SearchAssignment;
import org.skyfleet.fleet.incident.SearchState;
import org.skyfleet.fleet.incident.SearchStatus;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.incident.TimelineKind;
import org.skyfleet.fleet.mission.Mission;
import org.skyfleet.fleet.mission.MissionState;
import org.skyfleet.fleet.search.Allocation;
import org.skyfleet.fleet.search.CameraFootprints;
import org.skyfleet.fleet.search.DistanceQuantiles;
import org.skyfleet.fleet.search.DroneAssignment;
import org.skyfleet.fleet.search.FlownSample;
import org.skyfleet.fleet.search.LostPersonStatistics;
import org.skyfleet.fleet.search.ProbabilityMap;
import org.skyfleet.fleet.search.SearchAllocator;
import org.skyfleet.fleet.search.SearchSegment;
import org.skyfleet.fleet.search.SearchSegments;
import org.skyfleet.fleet.vehicle.LandedState;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.proto.v1.SearchMap;
import org.skyfleet.server.incident.SearchDecisions;
import org.skyfleet.server.mission.MissionControl;

/**
 * Plans and flies searches for missing people, as a pilot would: a probability map from lost-person
 * statistics around the last known point, cut into segments; the free drones that are close and charged
 * sent over the segments with the most probability per minute of flight; launched at once or after a
 * person's approval, as the policy says; the map updated from what the cameras actually covered; and
 * more effort sent when a drone comes back or another becomes free.
 *
 * <p>All of its state lives on one thread (the automation executor); incident changes and mission
 * callbacks hop onto it. It holds control leases as the operator {@code automation-search} and writes
 * every step on the incident's timeline and in the audit journal.
 */
public final class SearchAutomation implements SearchDecisions, AutoCloseable {
    static final Operator OPERATOR = new Operator("automation-search", Operator.Role.AUTOMATION);
    /** Below this height above home a sample is the drone climbing out or landing, not searching. */
    private static final double MIN_SEARCH_ALT_M = 15;
    /**
     * Segments about 400 m a side: one drone sweeps one on a pack with its reserve (56 m spacing: about
     * 3 km of track, 11 minutes with transit), so every segment handed out is searched whole.
     */
    public static final double SEGMENT_SIZE_M = 400;

    private final IncidentBook incidents;
    private final VehicleRegistry registry;
    private final MissionControl missions;
    private final VehicleCommands commands;
    private final ControlLeases leases;
    private final AuditJournal audit;
    private final InstantSource clock;
    private final AutomationThread thread;
    private final SearchPolicy policy;
    private final SearchProfile profile;
    private final Supplier<Airspace> airspace;
    private final LostPersonStatistics statistics = LostPersonStatistics.bundled();
    private final SearchAllocator allocator = new SearchAllocator();
    private final FreeDrones freeDrones;
    private final Overwatch overwatch;
    private final Map<String, SearchRun> runs = new ConcurrentHashMap<>();
    private final SortieControl sorties;
    private final AutoCloseable subscription;

    public SearchAutomation(IncidentBook incidents, VehicleRegistry registry, MissionControl missions, VehicleCommands commands,
                            ControlLeases leases, AuditJournal audit, InstantSource clock, ScheduledExecutorService executor,
                            SearchPolicy policy, SearchProfile profile, Supplier<Airspace> airspace) {
        this.incidents = incidents;
        this.registry = registry;
        this.missions = missions;
        this.commands = commands;
        this.leases = leases;
        this.audit = audit;
        this.clock = clock;
        this.thread = new AutomationThread(executor, audit);
        this.policy = policy;
        this.profile = profile;
        this.airspace = airspace;
        this.freeDrones = new FreeDrones(registry, leases, missions.book(), profile, OPERATOR);
        this.sorties = new SortieControl(OPERATOR, incidents, missions, commands, leases, audit, clock, thread, profile, this::note);
        this.overwatch = new Overwatch(registry, commands, leases, incidents, audit, profile, freeDrones);
        this.subscription = incidents.subscribe(this::onIncidentChange);
        thread.execute(this::resume);
        thread.every(1, this::sampleFlights);
        thread.every(5, this::tick);
    }

    // ---- what other parts ask of the search --------------------------------------------------------

    /** The incident whose search the vehicle is flying for, if any. */
    public Optional<String> incidentOfVehicle(String vehicleId) {
        for (SearchRun run : runs.values()) {
            Sortie s = run.sortiesByVehicle.get(vehicleId);
            // climbing out, going home or landing, the camera looks at the pad, not at the search
            if (s != null && (s.phase == Sortie.Phase.FLYING || s.phase == Sortie.Phase.ORBITING)) {
                return Optional.of(run.incidentId);
            }
        }
        return Optional.empty();
    }

    /**
     * A confirmed track ended the search: every drone but {@code keepVehicleId} goes home; that one's
     * mission is superseded (it is about to orbit). Runs on the automation thread.
     */
    public void found(String incidentId, String trackId, String keepVehicleId) {
        thread.execute((() -> {
            SearchRun run = runs.get(incidentId);
            if (run == null || run.found) {
                return;
            }
            run.found = true;
            for (Sortie s : run.sortiesByVehicle.values()) {
                if (s.phase == Sortie.Phase.ENDED) {
                    continue;
                }
                if (s.vehicleId.equals(keepVehicleId)) {
                    sorties.supersede(s, "subject found: orbiting track " + trackId);
                    s.phase = Sortie.Phase.ORBITING;
                } else {
                    sorties.recall(s, "subject found (track " + trackId + ")");
                }
            }
            setState(incidentId, SearchState.FOUND, null);
        }));
    }

    Overwatch overwatch() {
        return overwatch;
    }

    /** Vehicles a search or an overwatch is using now, so no other job takes them. */
    public Set<String> vehiclesInUse() {
        Set<String> out = new HashSet<>(overwatch.vehicles());
        runs.values().forEach(r -> r.sortiesByVehicle.values().stream().filter(s -> s.phase != Sortie.Phase.ENDED)
                .forEach(s -> out.add(s.vehicleId)));
        return out;
    }

    // ---- SearchDecisions -----------------------------------------------------------------------------

    @Override
    public Incident approve(Operator caller, String incidentId, String reason) {
        return thread.call(() -> {
            SearchRun run = waiting(incidentId);
            run.approvedBy = caller;
            incidents.record(incidentId, TimelineEntry.of(clock.instant(), TimelineKind.SEARCH_APPROVED, caller.toString(),
                    reason == null || reason.isBlank() ? "search approved" : "search approved: " + reason));
            audit.append(caller.toString(), "search approve", incidentId, reason, "APPROVED");
            launch(run, run.proposed, caller);
            run.proposed = null;
            return incidents.get(incidentId);
        });
    }

    @Override
    public Incident reject(Operator caller, String incidentId, String reason) {
        return thread.call(() -> {
            SearchRun run = waiting(incidentId);
            run.proposed = null;
            audit.append(caller.toString(), "search reject", incidentId, reason, "REJECTED");
            return incidents.update(incidentId, i -> i.withSearch(i.search().withState(SearchState.REJECTED)),
                    TimelineEntry.of(clock.instant(), TimelineKind.SEARCH_REJECTED, caller.toString(),
                            reason == null || reason.isBlank() ? "search rejected" : "search rejected: " + reason));
        });
    }

    @Override
    public SearchMap map(String incidentId) {
        return thread.call(() -> {
            SearchRun run = runs.get(incidentId);
            if (run == null) {
                throw Status.NOT_FOUND.withDescription("incident " + incidentId + " has no search").asRuntimeException();
            }
            return SearchMapView.of(run, SearchSegments.of(run.map, SEGMENT_SIZE_M));
        });
    }

    // ---- reacting to incidents -----------------------------------------------------------------------

    private void onIncidentChange(IncidentChange change) {
        if (change.latest() == null) {
            return;
        }
        Incident i = change.incident();
        if (change.latest().kind() == TimelineKind.CREATED && i.type() == IncidentType.MISSING_PERSON && i.missingPerson() != null) {
            thread.execute((() -> plan(i)));
        } else if (change.latest().kind() == TimelineKind.CLOSED) {
            thread.execute((() -> end(i.incidentId())));
        }
    }

    private void plan(Incident incident) {
        DistanceQuantiles q = statistics.forCategory(incident.missingPerson().category());
        ProbabilityMap map = ProbabilityMap.around(incident.missingPerson().lastKnownPoint(), q);
        List<SearchSegment> segments = SearchSegments.of(map, SEGMENT_SIZE_M);
        SearchRun run = new SearchRun(incident.incidentId(), q, map, segments);
        runs.put(incident.incidentId(), run);
        FreeDrones.Choice choice = freeDrones.find(vehiclesInUse(), clock.instant());
        Allocation allocation = allocator.allocate(choice.candidates(), segments, incident.missingPerson().lastKnownPoint(),
                airspace.get());
        List<String> leftOut = new ArrayList<>(choice.passedOver());
        allocation.unused().forEach(u -> leftOut.add(u.droneId() + ": " + u.reason().name().toLowerCase(Locale.ROOT)
                .replace('_', ' ') + " (" + u.detail() + ")"));
        String summary = String.format(Locale.ROOT,
                "search planned from %s (%s: 50%% within %.1f km, 95%% within %.1f km): %d segments, %d drones, expected POS %.0f%%",
                q.category(), q.source(), q.p50Km(), q.p95Km(), segments.size(), allocation.assignments().size(),
                100 * allocation.expectedPos());
        audit.append(OPERATOR.toString(), "search plan", incident.incidentId(), summary, "PLANNED");
        boolean auto = policy.launchesAutomatically(incident.type(), incident.priority());
        SearchState state = allocation.assignments().isEmpty() ? SearchState.NO_DRONES
                : auto ? SearchState.ACTIVE : SearchState.AWAITING_APPROVAL;
        Instant deadline = state == SearchState.AWAITING_APPROVAL ? clock.instant().plus(policy.approvalTimeout()) : null;
        SearchStatus status = new SearchStatus(state, deadline, assignments(allocation), allocation.expectedPos(), 0, leftOut);
        incidents.update(incident.incidentId(), i -> i.withSearch(status),
                TimelineEntry.of(clock.instant(), TimelineKind.SEARCH_PLANNED, OPERATOR.subject(), summary));
        if (state == SearchState.AWAITING_APPROVAL) {
            run.proposed = allocation;
            incidents.record(incident.incidentId(), TimelineEntry.of(clock.instant(), TimelineKind.SEARCH_AWAITING_APPROVAL,
                    OPERATOR.subject(), "waiting for a pilot to approve the search until " + deadline));
        } else if (state == SearchState.ACTIVE) {
            launch(run, allocation, OPERATOR);
        }
    }

    /**
     * Takes up the searches the records' previous holder was running (this node restarted, or took the records
     * over from another node): each open missing-person search that wants drones gets its run back, and the
     * drones still flying its missions are followed again (their sightings filed under it, their returns
     * noted, their segments kept). The map starts afresh from the statistics: coverage flown before is not
     * counted, so re-planning errs towards searching again. A search that waited for approval is planned again.
     */
    private void resume() {
        for (Incident i : incidents.list(false)) {
            SearchState state = i.search().state();
            if (i.type() != IncidentType.MISSING_PERSON || i.missingPerson() == null || runs.containsKey(i.incidentId())) {
                continue;
            }
            if (state == SearchState.AWAITING_APPROVAL || state == SearchState.ESCALATED) {
                plan(i);
                continue;
            }
            if (!state.wantsDrones()) {
                continue;
            }
            DistanceQuantiles q = statistics.forCategory(i.missingPerson().category());
            ProbabilityMap map = ProbabilityMap.around(i.missingPerson().lastKnownPoint(), q);
            SearchRun run = new SearchRun(i.incidentId(), q, map, SearchSegments.of(map, SEGMENT_SIZE_M));
            List<String> followed = new ArrayList<>();
            for (SearchAssignment a : i.search().assignments()) {
                boolean flying = !a.missionId().isEmpty() && missions.book().find(a.missionId())
                        .map(m -> m.state().isActive()).orElse(false);
                if (flying) {
                    Sortie s = new Sortie(a.vehicleId(), a.segmentIds().isEmpty() ? "" : a.segmentIds().get(0));
                    s.missionId = a.missionId();
                    s.phase = Sortie.Phase.FLYING;
                    run.sortiesByVehicle.put(a.vehicleId(), s);
                    followed.add(a.vehicleId() + " (mission " + a.missionId() + ")");
                }
            }
            runs.put(i.incidentId(), run);
            String text = "search taken up again after a restart or a change of records leader: "
                    + (followed.isEmpty() ? "no drone still flying it" : "following " + String.join(", ", followed))
                    + "; the map starts afresh (coverage flown before is not counted)";
            incidents.record(i.incidentId(), TimelineEntry.of(clock.instant(), TimelineKind.NOTE, OPERATOR.subject(), text));
            audit.append(OPERATOR.toString(), "search resume", i.incidentId(), text, state.name());
        }
    }

    private static List<SearchAssignment> assignments(Allocation a) {
        return a.assignments().stream().map(d -> new SearchAssignment(d.droneId(), "", List.of(d.segment().id()),
                d.plan().metrics().flightTimeS(), Double.NaN)).toList();
    }

    private void end(String incidentId) {
        SearchRun run = runs.get(incidentId);
        if (run == null || run.ended_) {
            return;
        }
        run.ended_ = true;
        run.proposed = null;
        for (Sortie s : run.sortiesByVehicle.values()) {
            if (s.phase != Sortie.Phase.ENDED) {
                sorties.recall(s, "incident closed");
            }
        }
    }

    // ---- flying --------------------------------------------------------------------------------------

    private void launch(SearchRun run, Allocation allocation, Operator approver) {
        if (approver != OPERATOR) {
            run.approvedBy = approver;
        }
        setState(run.incidentId, SearchState.ACTIVE, null);
        for (DroneAssignment a : allocation.assignments()) {
            sorties.launch(run, a);
        }
    }

    // ---- following the search ------------------------------------------------------------------------

    /** Records where searching drones are, once a second. */
    private void sampleFlights() {
        for (SearchRun run : runs.values()) {
            for (Sortie s : run.sortiesByVehicle.values()) {
                if (s.phase != Sortie.Phase.FLYING) {
                    continue;
                }
                VehicleState v = registry.find(s.vehicleId).orElse(null);
                if (v == null || v.position() == null) {
                    continue;
                }
                double alt = v.position().altRelM();
                boolean searching = alt >= MIN_SEARCH_ALT_M && missions.book().find(s.missionId)
                        .map(m -> m.state() == MissionState.FLYING).orElse(false);
                // a sample at 0 m breaks the swept track: transit legs and gaps are not counted as searched
                double heading = Double.isNaN(v.position().headingDeg()) ? 0 : v.position().headingDeg();
                s.samples.add(new FlownSample(v.position().latDeg(), v.position().lonDeg(), searching ? alt : 0, heading));
            }
        }
    }

    /** Every 5 s: the map learns what was covered; approvals time out; returns and free drones re-plan. */
    private void tick() {
        Instant now = clock.instant();
        for (SearchRun run : runs.values()) {
            if (run.ended_) {
                continue;
            }
            updateMap(run);
            renewLeases(run);
            followSorties(run);
            Incident incident = incidents.find(run.incidentId).orElse(null);
            if (incident == null || !incident.open()) {
                continue;
            }
            SearchStatus st = incident.search();
            if (st.state() == SearchState.AWAITING_APPROVAL && st.approvalDeadline() != null && !now.isBefore(st.approvalDeadline())) {
                incidents.update(run.incidentId, i -> i.withSearch(new SearchStatus(SearchState.ESCALATED, st.approvalDeadline(),
                        st.assignments(), st.expectedProbabilityOfSuccess(), st.cumulativeProbabilityOfSuccess(), st.leftOut())),
                        TimelineEntry.of(now, TimelineKind.SEARCH_ESCALATED, OPERATOR.subject(),
                                "no pilot approved the search within " + policy.approvalTimeout().toSeconds()
                                        + " s: the commander is asked to decide"));
                audit.append(OPERATOR.toString(), "search escalate", run.incidentId, "approval timed out", "ESCALATED");
            }
            if (!run.found && st.state().wantsDrones()) {
                replanIfDronesFree(run);
            }
        }
    }

    private void updateMap(SearchRun run) {
        boolean changed = false;
        for (Sortie s : run.sortiesByVehicle.values()) {
            if (s.samples.size() < 2) {
                continue;
            }
            Geometry swept = CameraFootprints.swept(s.samples, profile.halfFovDeg(), run.map.frame());
            FlownSample last = s.samples.get(s.samples.size() - 1);
            s.samples.clear();
            s.samples.add(last);
            if (swept.isEmpty()) {
                continue;
            }
            try {
                run.map = run.map.applySearchEffort(swept, profile.effectiveSweepWidthM(), profile.camera().footprintWidthM());
                changed = true;
            } catch (IllegalStateException e) {
                note(run.incidentId, s.vehicleId, "map not updated: " + e.getMessage());
            }
        }
        if (changed) {
            double pos = run.map.cumulativePos();
            incidents.update(run.incidentId, i -> i.withSearch(i.search().withCumulativePos(pos)), null);
        }
    }

    private void renewLeases(SearchRun run) {
        for (Sortie s : run.sortiesByVehicle.values()) {
            if (s.phase == Sortie.Phase.LAUNCHING || s.phase == Sortie.Phase.FLYING || s.phase == Sortie.Phase.RETURNING) {
                try {
                    leases.acquire(s.vehicleId, OPERATOR, SortieControl.LEASE_TTL);
                } catch (LeaseConflictException e) {
                    // a commander took the drone over: it is theirs now
                    s.phase = Sortie.Phase.ENDED;
                    note(run.incidentId, s.vehicleId, "taken over: " + e.getMessage());
                }
            }
        }
    }

    /** A mission that ended, or a drone back on the ground, frees its drone and its segment. */
    private void followSorties(SearchRun run) {
        for (Sortie s : List.copyOf(run.sortiesByVehicle.values())) {
            Mission m = missions.book().find(s.missionId).orElse(null);
            VehicleState v = registry.find(s.vehicleId).orElse(null);
            boolean missionOver = m != null && (m.state().isFinal() || m.state() == MissionState.FAILED);
            boolean landed = v != null && v.status().landedState() == LandedState.ON_GROUND && !v.status().armed();
            if (s.phase == Sortie.Phase.FLYING && missionOver) {
                s.phase = Sortie.Phase.RETURNING;
            } else if (s.phase == Sortie.Phase.FLYING && landed && m != null && m.state().isActive()) {
                // down without finishing: a failsafe or a pilot on the sticks ended the flight
                missions.supersede(OPERATOR, m.missionId(), "vehicle landed before the mission ended");
                s.phase = Sortie.Phase.RETURNING;
            }
            if (s.phase == Sortie.Phase.RETURNING && landed) {
                s.phase = Sortie.Phase.ENDED;
                run.ended.add(s);
                run.sortiesByVehicle.remove(s.vehicleId);
                leases.release(s.vehicleId, OPERATOR);
                double battery = v.battery() == null ? Double.NaN : v.battery().remainingPercent();
                incidents.record(run.incidentId, TimelineEntry.of(clock.instant(), TimelineKind.DRONE_RETURNED, OPERATOR.subject(),
                        String.format(Locale.ROOT, "%s back on the ground (%s, %.0f %% battery); cumulative POS %.0f%%", s.vehicleId,
                                m == null ? "no mission" : "mission " + m.state().name().toLowerCase(Locale.ROOT), battery,
                                100 * run.map.cumulativePos())).withVehicle(s.vehicleId));
            }
        }
    }

    private void replanIfDronesFree(SearchRun run) {
        FreeDrones.Choice choice = freeDrones.find(vehiclesInUse(), clock.instant());
        if (choice.candidates().isEmpty()) {
            return;
        }
        Set<String> inHand = new HashSet<>(run.segmentsInHand());
        List<SearchSegment> open = SearchSegments.of(run.map, SEGMENT_SIZE_M).stream().filter(s -> !inHand.contains(s.id())).toList();
        Incident incident = incidents.get(run.incidentId);
        Allocation more = allocator.allocate(choice.candidates(), open, incident.missingPerson().lastKnownPoint(), airspace.get());
        if (more.assignments().isEmpty()) {
            return;
        }
        String summary = String.format(Locale.ROOT, "re-planned with the map as searched (cumulative POS %.0f%%): %s, expected +%.0f%%",
                100 * run.map.cumulativePos(), String.join(", ", more.assignments().stream()
                        .map(a -> a.droneId() + " -> " + a.segment().id()).toList()), 100 * more.expectedPos());
        List<SearchAssignment> all = new ArrayList<>(incident.search().assignments());
        all.addAll(assignments(more));
        incidents.update(run.incidentId, i -> i.withSearch(i.search().withAssignments(all).withState(SearchState.ACTIVE)),
                TimelineEntry.of(clock.instant(), TimelineKind.SEARCH_REPLANNED, OPERATOR.subject(), summary));
        for (DroneAssignment a : more.assignments()) {
            sorties.launch(run, a);
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private SearchRun waiting(String incidentId) {
        Incident i = incidents.get(incidentId);
        SearchRun run = runs.get(incidentId);
        if (run == null || run.proposed == null || !(i.search().state() == SearchState.AWAITING_APPROVAL
                || i.search().state() == SearchState.ESCALATED)) {
            throw new IllegalStateException("incident " + incidentId + " has no search waiting for approval (search is "
                    + i.search().state() + ")");
        }
        return run;
    }

    private void setState(String incidentId, SearchState state, TimelineEntry entry) {
        incidents.update(incidentId, i -> i.withSearch(i.search().withState(state)), entry);
    }

    private void note(String incidentId, String vehicleId, String text) {
        incidents.record(incidentId, TimelineEntry.of(clock.instant(), TimelineKind.NOTE, OPERATOR.subject(), vehicleId + " " + text)
                .withVehicle(vehicleId));
        audit.append(OPERATOR.toString(), "search note", vehicleId, incidentId + ": " + text, "NOTE");
    }


    @Override
    public void close() throws Exception {
        subscription.close();
    }
}
