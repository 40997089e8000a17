package org.skyfleet.server.automation;

import io.grpc.Status;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.command.VehicleCommands;
import org.skyfleet.fleet.control.ControlLeases;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.incident.Incident;
import org.skyfleet.fleet.incident.IncidentBook;
import org.skyfleet.fleet.incident.IncidentChange;
import org.skyfleet.fleet.incident.IncidentType;
import org.skyfleet.fleet.incident.SearchState;
import org.skyfleet.fleet.incident.SearchStatus;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.incident.TimelineKind;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
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
 * every step on the incident's timeline and in the audit journal. Planning and re-planning are
 * {@link SearchPlanning}'s, following the drones in the air {@link SortieFollowing}'s, launching and recalling
 * one drone {@link SortieControl}'s; this class keeps the runs, answers the rest of the server (approvals,
 * the map, who is searching, a found subject) and sets the pace.
 */
public final class SearchAutomation implements SearchDecisions, org.skyfleet.server.aircraft.BatterySwapRequests, AutoCloseable {
    static final Operator OPERATOR = new Operator("automation-search", Operator.Role.AUTOMATION);

    private final IncidentBook incidents;
    private final AuditJournal audit;
    private final InstantSource clock;
    private final AutomationThread thread;
    private final SearchPolicy policy;
    private final Overwatch overwatch;
    private final Map<String, SearchRun> runs = new ConcurrentHashMap<>();
    private final SortieControl sorties;
    private final SearchPlanning planning;
    private final SortieFollowing following;
    private final Turnaround turnaround;
    private final SecondLook secondLook;
    private final AutoCloseable subscription;

    public SearchAutomation(IncidentBook incidents, VehicleRegistry registry, MissionControl missions, VehicleCommands commands,
                            ControlLeases leases, AuditJournal audit, InstantSource clock, ScheduledExecutorService executor,
                            SearchPolicy policy, SearchProfile profile, Supplier<Airspace> airspace) {
        this(incidents, registry, missions, commands, leases, audit, clock, executor, policy, profile, airspace,
                org.skyfleet.fleet.airframe.EnduranceSource.NONE);
    }

    /** @param endurance the flight time each drone may count on now; a drone it knows nothing of flies the profile's */
    public SearchAutomation(IncidentBook incidents, VehicleRegistry registry, MissionControl missions, VehicleCommands commands,
                            ControlLeases leases, AuditJournal audit, InstantSource clock, ScheduledExecutorService executor,
                            SearchPolicy policy, SearchProfile profile, Supplier<Airspace> airspace,
                            org.skyfleet.fleet.airframe.EnduranceSource endurance) {
        this(incidents, registry, missions, commands, leases, audit, clock, executor, policy, profile, airspace, endurance,
                new org.skyfleet.fleet.dock.DockBook(), null, TurnaroundPolicy.defaults());
    }

    /**
     * @param docks      the docks the links hear: a drone charging on one is held back until charged
     * @param batteries  the pack records a swap and a charge are written to, or null for none
     * @param turnaround how drones are recharged or given a fresh pack between sorties
     */
    public SearchAutomation(IncidentBook incidents, VehicleRegistry registry, MissionControl missions, VehicleCommands commands,
                            ControlLeases leases, AuditJournal audit, InstantSource clock, ScheduledExecutorService executor,
                            SearchPolicy policy, SearchProfile profile, Supplier<Airspace> airspace,
                            org.skyfleet.fleet.airframe.EnduranceSource endurance, org.skyfleet.fleet.dock.DockBook docks,
                            org.skyfleet.fleet.battery.BatteryPacks batteries, TurnaroundPolicy turnaround) {
        this(incidents, registry, missions, commands, leases, audit, clock, executor, policy, profile, airspace, endurance, docks,
                batteries, turnaround, java.util.List.of());
    }

    /** @param roads roads and paths (serve --roads, the scenario maps): the search map draws probability onto them */
    public SearchAutomation(IncidentBook incidents, VehicleRegistry registry, MissionControl missions, VehicleCommands commands,
                            ControlLeases leases, AuditJournal audit, InstantSource clock, ScheduledExecutorService executor,
                            SearchPolicy policy, SearchProfile profile, Supplier<Airspace> airspace,
                            org.skyfleet.fleet.airframe.EnduranceSource endurance, org.skyfleet.fleet.dock.DockBook docks,
                            org.skyfleet.fleet.battery.BatteryPacks batteries, TurnaroundPolicy turnaround,
                            java.util.List<java.util.List<org.skyfleet.planner.geo.GeoPoint>> roads) {
        this.incidents = incidents;
        this.audit = audit;
        this.clock = clock;
        this.thread = new AutomationThread(executor, audit);
        this.policy = policy;
        FreeDrones freeDrones = new FreeDrones(registry, leases, missions.book(), profile, OPERATOR, endurance);
        this.turnaround = new Turnaround(registry, docks, batteries, incidents, audit, clock, turnaround, OPERATOR, this::rejoin);
        this.sorties = new SortieControl(OPERATOR, incidents, missions, commands, leases, audit, clock, thread, profile, this::note,
                this.turnaround::launched);
        this.overwatch = new Overwatch(registry, commands, leases, incidents, audit, profile, freeDrones);
        this.planning = new SearchPlanning(OPERATOR, incidents, missions, audit, clock, policy, airspace, freeDrones, sorties,
                runs, this::vehiclesInUse, roads);
        this.following = new SortieFollowing(OPERATOR, registry, missions, leases, incidents, clock, profile, this::note,
                this.turnaround::landed);
        this.secondLook = new SecondLook(OPERATOR, registry, missions, commands, incidents, audit, clock, thread);
        this.subscription = incidents.subscribe(this::onIncidentChange);
        thread.execute(planning::resume);
        thread.every(1, secondLook::check);
        thread.every(1, () -> following.sample(runs.values()));
        BatteryRecall recall = new BatteryRecall(registry, endurance, sorties, this::note, profile.cruiseSpeedMps(), clock);
        thread.every(1, () -> recall.check(runs.values()));
        thread.every(1, this.turnaround::check);
        thread.every(5, this::tick);
    }

    // ---- what other parts ask of the search --------------------------------------------------------

    /** The incident whose search the vehicle is sent on, from its launch to its landing, if any (for its flight log). */
    public Optional<String> incidentSending(String vehicleId) {
        for (SearchRun run : runs.values()) {
            Sortie s = run.sortiesByVehicle.get(vehicleId);
            if (s != null && s.phase != Sortie.Phase.ENDED) {
                return Optional.of(run.incidentId);
            }
        }
        return Optional.empty();
    }

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

    /**
     * A drone of the incident's search saw a possible person once short of confirming ({@link SecondLookRule}): it
     * turns back for a second look if it is still flying the search near the spot. Runs on the automation thread.
     */
    public void secondLook(String incidentId, String trackId, String vehicleId, org.skyfleet.planner.geo.GeoPoint spot) {
        thread.execute((() -> {
            SearchRun run = runs.get(incidentId);
            if (run != null) {
                secondLook.start(run, trackId, vehicleId, spot);
            }
        }));
    }

    Overwatch overwatch() {
        return overwatch;
    }

    /** Vehicles a search or an overwatch is using now, so no other job takes them. */
    public Set<String> vehiclesInUse() {
        Set<String> out = new HashSet<>(overwatch.vehicles());
        out.addAll(turnaround.heldBack());
        runs.values().forEach(r -> r.sortiesByVehicle.values().stream().filter(s -> s.phase != Sortie.Phase.ENDED)
                .forEach(s -> out.add(s.vehicleId)));
        return out;
    }

    /** An operator swaps a landed drone's pack: it is held back until it reports the fresh charge (on the automation thread). */
    @Override
    public SwapTicket requestSwap(Operator by, String vehicleId, String packId, String reason) {
        return thread.call(() -> turnaround.requestSwap(by, vehicleId, packId == null ? "" : packId, reason));
    }

    /**
     * A drone of the incident's search is charged or has a fresh pack: it is allocated at once, with every other free
     * drone, over the map as searched so far (the map learned every footprint flown up to the last tick).
     */
    private void rejoin(String incidentId) {
        SearchRun run = runs.get(incidentId);
        Incident incident = incidents.find(incidentId).orElse(null);
        if (run == null || run.found || run.ended_ || incident == null || !incident.open() || !incident.search().state().wantsDrones()) {
            return;
        }
        following.updateMap(run);
        planning.replanIfDronesFree(run);
    }

    // ---- SearchDecisions -----------------------------------------------------------------------------

    @Override
    public Incident approve(Operator caller, String incidentId, String reason) {
        return thread.call(() -> {
            SearchRun run = waiting(incidentId);
            run.approvedBy = caller;
            incidents.record(incidentId, TimelineEntry.of(clock.instant(), TimelineKind.SEARCH_APPROVED, caller.toString(),
                    reason == null || reason.isBlank() ? "search approved" : "search approved: " + reason)
                    .withParams("reason", reason == null ? "" : reason.strip()));
            audit.append(caller.toString(), "search approve", incidentId, reason, "APPROVED");
            planning.launch(run, run.proposed, caller);
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
                            reason == null || reason.isBlank() ? "search rejected" : "search rejected: " + reason)
                            .withParams("reason", reason == null ? "" : reason.strip()));
        });
    }

    @Override
    public SearchMap map(String incidentId) {
        return thread.call(() -> {
            SearchRun run = runs.get(incidentId);
            if (run == null) {
                throw Status.NOT_FOUND.withDescription("incident " + incidentId + " has no search").asRuntimeException();
            }
            return SearchMapView.of(run, SearchSegmentation.of(run.map, run.segmentSideM));
        });
    }

    // ---- reacting to incidents -----------------------------------------------------------------------

    private void onIncidentChange(IncidentChange change) {
        if (change.latest() == null) {
            return;
        }
        Incident i = change.incident();
        if (change.latest().kind() == TimelineKind.CREATED && i.type() == IncidentType.MISSING_PERSON && i.missingPerson() != null) {
            thread.execute((() -> planning.plan(i)));
        } else if (change.latest().kind() == TimelineKind.CLOSED) {
            thread.execute((() -> end(i.incidentId())));
        }
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

    /** Every 5 s: the map learns what was covered; approvals time out; returns and free drones re-plan. */
    private void tick() {
        Instant now = clock.instant();
        for (SearchRun run : runs.values()) {
            if (run.ended_) {
                continue;
            }
            following.updateMap(run);
            following.renewLeases(run);
            following.followSorties(run);
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
                                        + " s: the commander is asked to decide")
                                .withParams("timeout_s", policy.approvalTimeout().toSeconds()));
                audit.append(OPERATOR.toString(), "search escalate", run.incidentId, "approval timed out", "ESCALATED");
            }
            if (!run.found && st.state().wantsDrones()) {
                planning.replanIfDronesFree(run);
            }
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
                .withVehicle(vehicleId).withCode("NOTE_VEHICLE").withParams("vehicle", vehicleId, "text", text));
        audit.append(OPERATOR.toString(), "search note", vehicleId, incidentId + ": " + text, "NOTE");
    }


    @Override
    public void close() throws Exception {
        subscription.close();
    }
}
