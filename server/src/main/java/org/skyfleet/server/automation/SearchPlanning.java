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
import org.skyfleet.fleet.search.DistanceQuantiles;
import org.skyfleet.fleet.search.LostPersonStatistics;
import org.skyfleet.fleet.search.MapFeatures;
import org.skyfleet.fleet.search.ProbabilityMap;
import org.skyfleet.fleet.search.SearchPrior;
import org.skyfleet.fleet.search.SearchSegment;
import org.skyfleet.fleet.search.SortieAllocator;
import org.skyfleet.fleet.search.SortieAssignment;
import org.skyfleet.fleet.search.SubjectMobility;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.server.mission.MissionControl;

/**
 * Plans a search and sends its drones, on the automation thread: the probability map from lost-person
 * statistics around the last known point ({@link SearchPrior}: limited to the subject's reach, roads attracting);
 * each free drone given a battery's worth of segments ({@link SortieAllocator}); the plan launched or put to a
 * person as the policy says; whenever a drone is free again, a fresh sortie over the map diffused to now and
 * holding every footprint flown; and, after a restart or a change of records leader, the searches that were
 * running taken up.
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
    private final SortieAllocator allocator = new SortieAllocator();
    /** Roads and paths the map is told of (serve --roads, the scenario maps): they attract probability. */
    private final List<List<GeoPoint>> roads;

    SearchPlanning(Operator operator, IncidentBook incidents, MissionControl missions, AuditJournal audit, InstantSource clock,
                   SearchPolicy policy, Supplier<Airspace> airspace, FreeDrones freeDrones, SortieControl sorties,
                   Map<String, SearchRun> runs, Supplier<Set<String>> inUse, List<List<GeoPoint>> roads) {
        this.roads = List.copyOf(roads);
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
        Instant now = clock.instant();
        ProbabilityMap map = prior(incident, q, now);
        FreeDrones.Choice choice = freeDrones.find(inUse.get(), now);
        double side = SearchSegmentation.sortieSideFor(choice.candidates(), ReservePolicy.DEFAULT, map.grid().cellSizeM());
        List<SearchSegment> segments = SearchSegmentation.of(map, side);
        SearchRun run = new SearchRun(incident.incidentId(), q, map, segments, side);
        run.mapAt = now;
        run.mobility = SubjectMobility.of(incident.missingPerson().category());
        runs.put(incident.incidentId(), run);
        List<SortieAssignment> sortieList = allocator.allocate(choice.candidates(), map, Set.of(), side, airspace.get());
        List<String> leftOut = new ArrayList<>(choice.passedOver());
        Set<String> sent = new HashSet<>(sortieList.stream().map(SortieAssignment::droneId).toList());
        choice.candidates().stream().filter(c -> !sent.contains(c.id()))
                .forEach(c -> leftOut.add(c.id() + ": no segment fits its battery with the way home"));
        double expected = expectedPos(sortieList);
        String summary = String.format(Locale.ROOT,
                "search planned from %s (%s: 50%% within %.1f km, 95%% within %.1f km%s): %d segments of %.0f m, %d drones, expected POS %.0f%%",
                q.category(), q.source(), q.p50Km(), q.p95Km(), reachText(incident, now), segments.size(), side, sortieList.size(),
                100 * expected);
        audit.append(operator.toString(), "search plan", incident.incidentId(), summary, "PLANNED");
        boolean auto = policy.launchesAutomatically(incident.type(), incident.priority());
        SearchState state = sortieList.isEmpty() ? SearchState.NO_DRONES
                : auto ? SearchState.ACTIVE : SearchState.AWAITING_APPROVAL;
        // the pilot's time to approve runs from when the plan is shown, not from when planning began
        now = clock.instant();
        Instant deadline = state == SearchState.AWAITING_APPROVAL ? now.plus(policy.approvalTimeout()) : null;
        SearchStatus status = new SearchStatus(state, deadline, assignments(sortieList), expected, 0, leftOut);
        incidents.update(incident.incidentId(), i -> i.withSearch(status),
                TimelineEntry.of(now, TimelineKind.SEARCH_PLANNED, operator.subject(), summary)
                        .withParams("category", q.category(), "p50_km", String.format(Locale.ROOT, "%.1f", q.p50Km()),
                                "p95_km", String.format(Locale.ROOT, "%.1f", q.p95Km()), "segments", segments.size(),
                                "drones", sortieList.size(),
                                "expected_percent", String.format(Locale.ROOT, "%.0f", 100 * expected)));
        if (state == SearchState.AWAITING_APPROVAL) {
            run.proposed = sortieList;
            incidents.record(incident.incidentId(), TimelineEntry.of(now, TimelineKind.SEARCH_AWAITING_APPROVAL,
                    operator.subject(), "waiting for a pilot to approve the search until " + deadline)
                    .withParams("deadline", String.valueOf(deadline)));
        } else if (state == SearchState.ACTIVE) {
            launch(run, sortieList, operator);
        }
    }

    /**
     * The map the search starts from now ({@link SearchPrior}, as the search benchmark builds it): the category's
     * distances limited to the subject's reach since he was last seen, the roads attracting. A last-seen time that
     * is not before the report is what the API stamps when the caller gave none: the reach is then unknown.
     */
    ProbabilityMap prior(Incident incident, DistanceQuantiles q, Instant now) {
        var person = incident.missingPerson();
        return SearchPrior.of(person.lastKnownPoint(), q, person.category(), SubjectMobility.of(person.category()),
                sinceLastSeenS(incident, now), frame -> MapFeatures.ofRoads(roads, frame));
    }

    /** Seconds from last seen to {@code now}; NaN when the last-seen time is only the report time. */
    static double sinceLastSeenS(Incident incident, Instant now) {
        Instant seen = incident.missingPerson().lastSeen();
        return incident.reportedAt() != null && !seen.isBefore(incident.reportedAt()) ? Double.NaN
                : java.time.Duration.between(seen, now).toMillis() / 1000.0;
    }

    private static String reachText(Incident incident, Instant now) {
        double reach = SearchPrior.reachM(SubjectMobility.of(incident.missingPerson().category()), sinceLastSeenS(incident, now));
        return Double.isFinite(reach) ? String.format(Locale.ROOT, "; within %.1f km walked since last seen", reach / 1000) : "";
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
            ProbabilityMap map = prior(i, q, clock.instant());
            double side = SearchSegmentation.sortieSideFor(freeDrones.find(Set.of(), clock.instant()).candidates(),
                    ReservePolicy.DEFAULT, map.grid().cellSizeM());
            SearchRun run = new SearchRun(i.incidentId(), q, map, SearchSegmentation.of(map, side), side);
            run.mapAt = clock.instant();
            run.mobility = SubjectMobility.of(i.missingPerson().category());
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

    /** Sends the sorties' drones; missions are approved in the name of whoever approved the search. */
    void launch(SearchRun run, List<SortieAssignment> sortieList, Operator approver) {
        if (approver != operator) {
            run.approvedBy = approver;
        }
        incidents.update(run.incidentId, i -> i.withSearch(i.search().withState(SearchState.ACTIVE)), null);
        for (SortieAssignment a : sortieList) {
            sorties.launch(run, a);
        }
    }

    /**
     * Gives every drone that is free now a fresh sortie ({@link SortieAllocator}) over the map as it stands: diffused
     * by the subject's mobility from the map's time to now, holding every footprint flown so far, leaving out the
     * segments other drones hold. The search benchmark allocates by the same steps.
     */
    void replanIfDronesFree(SearchRun run) {
        FreeDrones.Choice choice = freeDrones.find(inUse.get(), clock.instant());
        if (choice.candidates().isEmpty()) {
            return;
        }
        advanceMap(run, clock.instant());
        Incident incident = incidents.get(run.incidentId);
        List<SortieAssignment> more = allocator.allocate(choice.candidates(), run.map, new HashSet<>(run.segmentsInHand()),
                run.segmentSideM, airspace.get());
        if (more.isEmpty()) {
            return;
        }
        double expected = expectedPos(more);
        String summary = String.format(Locale.ROOT, "re-planned with the map as searched (cumulative POS %.0f%%): %s, expected +%.0f%%",
                100 * run.map.cumulativePos(), String.join(", ", more.stream()
                        .map(a -> a.droneId() + " -> " + String.join("+", a.segmentIds())).toList()), 100 * expected);
        List<SearchAssignment> all = new ArrayList<>(incident.search().assignments());
        all.addAll(assignments(more));
        incidents.update(run.incidentId, i -> i.withSearch(i.search().withAssignments(all).withState(SearchState.ACTIVE)),
                TimelineEntry.of(clock.instant(), TimelineKind.SEARCH_REPLANNED, operator.subject(), summary)
                        .withParams("pos_percent", String.format(Locale.ROOT, "%.0f", 100 * run.map.cumulativePos()),
                                "assignments", String.join(", ", more.stream()
                                        .map(a -> a.droneId() + " → " + String.join("+", a.segmentIds())).toList()),
                                "expected_percent", String.format(Locale.ROOT, "%.0f", 100 * expected)));
        for (SortieAssignment a : more) {
            sorties.launch(run, a);
        }
    }

    /** The run's map diffused from its time to {@code now} by the subject's mobility (the subject kept walking). */
    static void advanceMap(SearchRun run, Instant now) {
        if (run.mapAt == null) {
            run.mapAt = now;
            return;
        }
        double elapsedS = java.time.Duration.between(run.mapAt, now).toMillis() / 1000.0;
        if (elapsedS > 0) {
            run.map = run.map.diffused(run.mobility, elapsedS);
            run.mapAt = now;
        }
    }

    private static double expectedPos(List<SortieAssignment> sortieList) {
        return sortieList.stream().mapToDouble(SortieAssignment::expectedPos).sum();
    }

    private static List<SearchAssignment> assignments(List<SortieAssignment> sortieList) {
        return sortieList.stream().map(d -> new SearchAssignment(d.droneId(), "", d.segmentIds(), d.estimatedFlightS(),
                Double.NaN)).toList();
    }
}
