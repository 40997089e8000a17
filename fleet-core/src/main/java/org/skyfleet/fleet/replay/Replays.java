package org.skyfleet.fleet.replay;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.skyfleet.fleet.incident.Incident;
import org.skyfleet.fleet.incident.SearchAssignment;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.incident.TimelineKind;
import org.skyfleet.fleet.mission.Mission;
import org.skyfleet.fleet.mission.MissionState;
import org.skyfleet.fleet.mission.MissionTransition;
import org.skyfleet.fleet.replay.ReplayTrack.Subject;
import org.skyfleet.fleet.store.PositionHistoryStore;
import org.skyfleet.fleet.store.PositionSample;

/**
 * Builds replays from stored history: an incident's from its report to its close (or now), with the track
 * of every vehicle and unit its timeline or search names; a mission's from its first flight to its end (or
 * now), with its vehicle's track. Tracks are thinned by {@link TrackDecimator} to a share of one budget.
 *
 * <p>Units are kept in the position history beside vehicles, under {@link #unitTrackId} ("unit:" and the
 * unit id), as vessels are under "vessel:".
 */
public final class Replays {
    private static final String UNIT_PREFIX = "unit:";

    private final PositionHistoryStore history;
    private final InstantSource clock;

    public Replays(PositionHistoryStore history, InstantSource clock) {
        this.history = history;
        this.clock = clock;
    }

    /** The history key of a unit's track. */
    public static String unitTrackId(String unitId) {
        return UNIT_PREFIX + unitId;
    }

    /**
     * @param maxPoints  the most points of all tracks together (at least two per track are kept regardless)
     * @param toleranceM the error a track is thinned to when the budget allows, metres
     */
    public Replay ofIncident(Incident incident, int maxPoints, double toleranceM) {
        Instant now = clock.instant();
        Instant from = incident.reportedAt();
        for (TimelineEntry e : incident.timeline()) {
            from = e.time().isBefore(from) ? e.time() : from;
        }
        Instant to = incident.open() ? later(now, from) : incident.closedAt();
        Set<String> vehicles = new LinkedHashSet<>();
        Set<String> units = new LinkedHashSet<>();
        for (TimelineEntry e : incident.timeline()) {
            if (!e.vehicleId().isEmpty()) {
                vehicles.add(e.vehicleId());
            }
            if (!e.unitId().isEmpty()) {
                units.add(e.unitId());
            }
        }
        for (SearchAssignment a : incident.search().assignments()) {
            vehicles.add(a.vehicleId());
        }
        units.addAll(incident.unitIds());
        List<TimelineEntry> timeline = incident.timeline().stream().filter(e -> !e.time().isAfter(to)).toList();
        return new Replay(from, to, incident.open(), timeline, tracks(vehicles, units, from, to, maxPoints, toleranceM));
    }

    /** A mission's replay; its timeline is its state changes, each a NOTE with code {@code MISSION_STATE}. */
    public Replay ofMission(Mission mission, int maxPoints, double toleranceM) {
        Instant now = clock.instant();
        List<MissionTransition> changes = mission.transitions();
        Instant from = changes.stream().filter(t -> t.to() == MissionState.FLYING).map(MissionTransition::time).findFirst()
                .orElse(changes.isEmpty() ? now : changes.get(0).time());
        Instant end = null;
        for (MissionTransition t : changes) {
            if (!t.time().isBefore(from) && (t.to() == MissionState.COMPLETED || t.to() == MissionState.ABORTED
                    || t.to() == MissionState.FAILED)) {
                end = t.time();
                break;
            }
        }
        Instant to = end == null ? later(now, from) : end;
        List<TimelineEntry> timeline = new ArrayList<>();
        for (MissionTransition t : changes) {
            timeline.add(new TimelineEntry(t.time(), TimelineKind.NOTE, "mission " + mission.missionId() + " " + t.to()
                    + (t.reason().isEmpty() ? "" : ": " + t.reason()), t.actor(), mission.vehicleId(), "", "", "")
                    .withCode("MISSION_STATE").withParams("mission", mission.missionId(), "mission_state", t.to().name(),
                            "actor", t.actor()));
        }
        return new Replay(from, to, end == null, timeline,
                tracks(Set.of(mission.vehicleId()), Set.of(), from, to, maxPoints, toleranceM));
    }

    private List<ReplayTrack> tracks(Set<String> vehicles, Set<String> units, Instant from, Instant to, int maxPoints,
                                     double toleranceM) {
        Instant end = to.plusNanos(1); // the history's window is half-open, the replay's closed
        List<String> ids = new ArrayList<>();
        List<Subject> kinds = new ArrayList<>();
        List<List<PositionSample>> raw = new ArrayList<>();
        for (String v : vehicles) {
            ids.add(v);
            kinds.add(Subject.VEHICLE);
            raw.add(history.replay(v, from, end));
        }
        for (String u : units) {
            ids.add(u);
            kinds.add(Subject.UNIT);
            raw.add(history.replay(unitTrackId(u), from, end));
        }
        int[] budget = PointBudget.share(maxPoints, raw.stream().map(List::size).toList());
        List<ReplayTrack> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            TrackDecimator.Decimated d = TrackDecimator.decimate(raw.get(i), toleranceM, budget[i]);
            out.add(new ReplayTrack(ids.get(i), kinds.get(i), d.points(), raw.get(i).size(), d.maxErrorM()));
        }
        return out;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
