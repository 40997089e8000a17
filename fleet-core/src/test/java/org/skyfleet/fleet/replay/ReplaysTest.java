package org.skyfleet.fleet.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.command.MissionContentHash;
import org.skyfleet.fleet.command.MissionType;
import org.skyfleet.fleet.incident.Incident;
import org.skyfleet.fleet.incident.IncidentPriority;
import org.skyfleet.fleet.incident.IncidentType;
import org.skyfleet.fleet.incident.SearchAssignment;
import org.skyfleet.fleet.incident.SearchState;
import org.skyfleet.fleet.incident.SearchStatus;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.incident.TimelineKind;
import org.skyfleet.fleet.mission.Mission;
import org.skyfleet.fleet.mission.MissionState;
import org.skyfleet.fleet.replay.ReplayTrack.Subject;
import org.skyfleet.fleet.store.InMemoryStore;
import org.skyfleet.fleet.store.PositionHistoryStore;
import org.skyfleet.planner.geo.GeoPoint;

class ReplaysTest {
    private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");
    private final PositionHistoryStore history = new InMemoryStore().positions();

    private void fly(String id, int fromS, int toS) {
        for (int s = fromS; s <= toS; s++) {
            history.append(id, T0.plusSeconds(s), 30 + s * 1e-4, 122, 50);
        }
    }

    private static Incident incident(List<TimelineEntry> timeline, Set<String> unitsNow, Instant closedAt) {
        SearchStatus search = SearchStatus.NONE.withState(SearchState.ACTIVE)
                .withAssignments(List.of(new SearchAssignment("drone-s", "m-s", List.of("S-1"), 600, 40)));
        return new Incident("inc-0001", "", IncidentType.MISSING_PERSON, IncidentPriority.P1, new GeoPoint(30, 122), T0, "",
                null, search, timeline, Set.of(), unitsNow, "", closedAt);
    }

    @Test
    void anOpenIncidentRunsToNowWithEveryVehicleAndUnitItNamesAndNothingElse() {
        fly("drone-t", 0, 100);
        fly("drone-s", 10, 100);
        fly("drone-other", 0, 100);
        fly(Replays.unitTrackId("car-1"), 20, 90);
        fly(Replays.unitTrackId("car-2"), 20, 90);
        fly("drone-t", 200, 210); // after the time of asking: not yet
        List<TimelineEntry> timeline = List.of(
                TimelineEntry.of(T0, TimelineKind.CREATED, "dana", "reported"),
                TimelineEntry.of(T0.plusSeconds(5), TimelineKind.DRONE_LAUNCHED, "automation", "up").withVehicle("drone-t"),
                TimelineEntry.of(T0.plusSeconds(30), TimelineKind.UNIT_ASSIGNED, "automation", "sent").withUnit("car-1"));
        Replay r = new Replays(history, InstantSource.fixed(T0.plusSeconds(150))).ofIncident(incident(timeline, Set.of("car-2"), null),
                1000, 1);

        assertThat(r.open()).isTrue();
        assertThat(r.from()).isEqualTo(T0);
        assertThat(r.to()).isEqualTo(T0.plusSeconds(150));
        assertThat(r.tracks()).extracting(ReplayTrack::subjectId).containsExactly("drone-t", "drone-s", "car-1", "car-2");
        assertThat(r.tracks()).extracting(ReplayTrack::subject)
                .containsExactly(Subject.VEHICLE, Subject.VEHICLE, Subject.UNIT, Subject.UNIT);
        assertThat(r.tracks().get(0).samples()).isEqualTo(101);
        assertThat(r.tracks().get(2).points().get(0).vehicleId()).isEqualTo("unit:car-1");
        assertThat(r.timeline()).hasSize(3);
    }

    @Test
    void aClosedIncidentEndsAtItsCloseIncludingASampleAtThatVeryTimeAndTheBudgetHolds() {
        fly("drone-t", 0, 3600);
        List<TimelineEntry> timeline = List.of(
                TimelineEntry.of(T0.plusSeconds(1), TimelineKind.DRONE_LAUNCHED, "automation", "up").withVehicle("drone-t"),
                TimelineEntry.of(T0.plusSeconds(1000), TimelineKind.CLOSED, "cmdr", "closed"));
        Replay r = new Replays(history, InstantSource.fixed(T0.plusSeconds(5000)))
                .ofIncident(incident(timeline, Set.of(), T0.plusSeconds(1000)), 10, 0.5);
        assertThat(r.open()).isFalse();
        assertThat(r.to()).isEqualTo(T0.plusSeconds(1000));
        ReplayTrack t = r.tracks().get(0);
        assertThat(t.samples()).isEqualTo(1001);
        assertThat(t.points().get(t.points().size() - 1).time()).isEqualTo(T0.plusSeconds(1000));
        assertThat(r.points()).isLessThanOrEqualTo(10);
    }

    @Test
    void aMissionRunsFromItsFirstFlightToItsEndWithItsStateChangesAsTheTimeline() {
        fly("drone-m", 0, 400);
        Mission m = new Mission("m-1", "drone-m", List.of(), MissionContentHash.of(MissionType.MISSION, List.of()), 5,
                MissionState.DRAFT, List.of(), -1, -1)
                .moveTo(MissionState.APPROVED, T0, "pat", "")
                .moveTo(MissionState.UPLOADING, T0.plusSeconds(10), "pat", "")
                .moveTo(MissionState.UPLOADED, T0.plusSeconds(20), "pat", "")
                .moveTo(MissionState.FLYING, T0.plusSeconds(100), "pat", "")
                .moveTo(MissionState.COMPLETED, T0.plusSeconds(300), "drone-m", "");
        Replay r = new Replays(history, InstantSource.fixed(T0.plusSeconds(1000))).ofMission(m, 100, 1);
        assertThat(r.from()).isEqualTo(T0.plusSeconds(100));
        assertThat(r.to()).isEqualTo(T0.plusSeconds(300));
        assertThat(r.open()).isFalse();
        assertThat(r.tracks()).singleElement().satisfies(t -> assertThat(t.samples()).isEqualTo(201));
        assertThat(r.timeline()).hasSize(5).allSatisfy(e -> assertThat(e.code()).isEqualTo("MISSION_STATE"));
        assertThat(r.timeline().get(3).params()).containsEntry("mission_state", "FLYING").containsEntry("mission", "m-1");
    }
}
