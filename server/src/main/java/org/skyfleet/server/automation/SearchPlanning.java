package org.skyfleet.server.automation;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.skyfleet.planner.energy.ReservePolicy;
import java.util.function.Supplier;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.incident.Incident;
import org.skyfleet.fleet.incident.IncidentBook;
import org.skyfleet.fleet.incident.IncidentType;
import org.skyfleet.fleet.incident.SearchAssignment;
import org.skyfleet.fleet.incident.SearchState;
import org.skyfleet.fleet.incident.SearchStatus;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.incident.TimelineKind;
import org.skyfleet.fleet.search.Allocation;
import org.skyfleet.fleet.search.DistanceQuantiles;
import org.skyfleet.fleet.search.DroneAssignment;
import org.skyfleet.fleet.search.LostPersonStatistics;
import org.skyfleet.fleet.search.ProbabilityMap;
import org.skyfleet.fleet.search.SearchAllocator;
import org.skyfleet.fleet.search.SearchSegment;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.server.mission.MissionControl;

/**
 * Plans a search and sends its drones, on the automation thread: the probability map from lost-person
 * statistics around the last known point, cut into segments; the free drones allocated over them; the plan
 * launched or put to a person as the policy says; more drones sent over the map as searched whenever some
 * are free; and, after a restart or a change of records leader, the searches that were running taken up.
 */
final class SearchPlanning {
    private final Operator operator;
    private final IncidentBook incidents;
    private final MissionControl missions;
    private final AuditJournal audit;
    private final InstantSource clock;
    private final SearchPolicy policy;
    private final Supplier<Airspace> airspace;
    private final FreeDrones freeDrones;
    private final SortieControl sorties;
    private final Map<String, SearchRun> runs;
    /** The vehicles every search and overwatch is using now. */
    private final Supplier<Set<String>> inUse;
    private final LostPersonStatistics statistics = LostPersonStatistics.bundled();
    private final SearchAllocator allocator = new SearchAllocator();

    SearchPlanning(Operator operator, IncidentBook incidents, MissionControl missions, AuditJournal audit, InstantSource clock,
                   SearchPolicy policy, Supplier<Airspace> airspace, FreeDrones freeDrones, SortieControl sorties,
                   Map<String, SearchRun> runs, Supplier<Set<String>> inUse) {
        this.operator = operator;
        this.incidents = incidents;
        this.missions = missions;
        this.audit = audit;
        this.clock = clock;
        this.policy = policy;
        this.airspace = airspace;
        this.freeDrones = freeDrones;
        this.sorties = sorties;
        this.runs = runs;
        this.inUse = inUse;
    }

    void plan(Incident incident) {
        DistanceQuantiles q = statistics.forCategory(incident.missingPerson().category());
        ProbabilityMap map = ProbabilityMap.around(incident.missingPerson().lastKnownPoint(), q);
        FreeDrones.Choice choice = freeDrones.find(inUse.get(), clock.instant());
        double side = SearchSegmentation.sideFor(choice.candidates(), ReservePolicy.DEFAULT, map.grid().cellSizeM());
        List<SearchSegment> segments = SearchSegmentation.of(map, side);
        SearchRun run = new SearchRun(incident.incidentId(), q, map, segments, side);
        runs.put(incident.incidentId(), run);
        Allocation allocation = allocator.allocate(choice.candidates(), segments, incident.missingPerson().lastKnownPoint(),
                airspace.get());
        List<String> leftOut = new ArrayList<>(choice.passedOver());
        allocation.unused().forEach(u -> leftOut.add(u.droneId() + ": " + u.reason().name().toLowerCase(Locale.ROOT)
                .replace('_', ' ') + " (" + u.detail() + ")"));
        String summary = String.format(Locale.ROOT,
                "search planned from %s (%s: 50%% within %.1f km, 95%% within %.1f km): %d segments of %.0f m, %d drones, expected POS %.0f%%",
                q.category(), q.source(), q.p50Km(), q.p95Km(), segments.size(), side, allocation.assignments().size(),
                100 * allocation.expectedPos());
        audit.append(operator.toString(), "search plan", incident.incidentId(), summary, "PLANNED");
        boolean auto = policy.launchesAutomatically(incident.type(), incident.priority());
        SearchState state = allocation.assignments().isEmpty() ? SearchState.NO_DRONES
                : auto ? SearchState.ACTIVE : SearchState.AWAITING_APPROVAL;
        Instant deadline = state == SearchState.AWAITING_APPROVAL ? clock.instant().plus(policy.approvalTimeout()) : null;
        SearchStatus status = new SearchStatus(state, deadline, assignments(allocation), allocation.expectedPos(), 0, leftOut);
        incidents.update(incident.incidentId(), i -> i.withSearch(status),
                TimelineEntry.of(clock.instant(), TimelineKind.SEARCH_PLANNED, operator.subject(), summary)
                        .withParams("category", q.category(), "p50_km", String.format(Locale.ROOT, "%.1f", q.p50Km()),
                                "p95_km", String.format(Locale.ROOT, "%.1f", q.p95Km()), "segments", segments.size(),
                                "drones", allocation.assignments().size(),
                                "expected_percent", String.format(Locale.ROOT, "%.0f", 100 * allocation.expectedPos())));
        if (state == SearchState.AWAITING_APPROVAL) {
            run.proposed = allocation;
            incidents.record(incident.incidentId(), TimelineEntry.of(clock.instant(), TimelineKind.SEARCH_AWAITING_APPROVAL,
                    operator.subject(), "waiting for a pilot to approve the search until " + deadline)
                    .withParams("deadline", String.valueOf(deadline)));
        } else if (state == SearchState.ACTIVE) {
            launch(run, allocation, operator);
        }
    }

    /**
     * Takes up the searches the records' previous holder was running (this node restarted, or took the records
     * over from another node): each open missing-person search that wants drones gets its run back, and the
     * drones still flying its missions are followed again (their sightings filed under it, their returns
     * noted, their segments kept). The map starts afresh from the statistics: coverage flown before is not
     * counted, so re-planning errs towards searching again. A search that waited for approval is planned again.
     */
    void resume() {
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
            double side = SearchSegmentation.sideFor(freeDrones.find(Set.of(), clock.instant()).candidates(), ReservePolicy.DEFAULT,
                    map.grid().cellSizeM());
            SearchRun run = new SearchRun(i.incidentId(), q, map, SearchSegmentation.of(map, side), side);
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
            incidents.record(i.incidentId(), TimelineEntry.of(clock.instant(), TimelineKind.NOTE, operator.subject(), text)
                    .withCode(followed.isEmpty() ? "NOTE_SEARCH_RESUMED_NONE" : "NOTE_SEARCH_RESUMED")
                    .withParams("vehicles", String.join(", ", followed)));
            audit.append(operator.toString(), "search resume", i.incidentId(), text, state.name());
        }
    }

    /** Sends the allocation's drones; missions are approved in the name of whoever approved the search. */
    void launch(SearchRun run, Allocation allocation, Operator approver) {
        if (approver != operator) {
            run.approvedBy = approver;
        }
        incidents.update(run.incidentId, i -> i.withSearch(i.search().withState(SearchState.ACTIVE)), null);
        for (DroneAssignment a : allocation.assignments()) {
            sorties.launch(run, a);
        }
    }

    /** Sends the drones that are free now over the segments no drone holds, with the map as searched so far. */
    void replanIfDronesFree(SearchRun run) {
        FreeDrones.Choice choice = freeDrones.find(inUse.get(), clock.instant());
        if (choice.candidates().isEmpty()) {
            return;
        }
        List<SearchSegment> open = SearchSegmentation.open(run.map, new HashSet<>(run.segmentsInHand()), run.segmentSideM);
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
                TimelineEntry.of(clock.instant(), TimelineKind.SEARCH_REPLANNED, operator.subject(), summary)
                        .withParams("pos_percent", String.format(Locale.ROOT, "%.0f", 100 * run.map.cumulativePos()),
                                "assignments", String.join(", ", more.assignments().stream()
                                        .map(a -> a.droneId() + " → " + a.segment().id()).toList()),
                                "expected_percent", String.format(Locale.ROOT, "%.0f", 100 * more.expectedPos())));
        for (DroneAssignment a : more.assignments()) {
            sorties.launch(run, a);
        }
    }

    private static List<SearchAssignment> assignments(Allocation a) {
        return a.assignments().stream().map(d -> new SearchAssignment(d.droneId(), "", List.of(d.segment().id()),
                d.plan().metrics().flightTimeS(), Double.NaN)).toList();
    }
}
