package org.skyfleet.fleet.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.planner.geo.GeoPoint;

class DispatcherTest {
    private Instant now = Instant.parse("2026-11-23T22:00:00Z");
    private final InstantSource clock = () -> now;
    private final UnitRoster roster = new UnitRoster(clock);
    private final Dispatcher dispatcher = new Dispatcher(roster, EtaModel.straightLine(), clock, Duration.ofSeconds(60));
    private final GeoPoint subject = new GeoPoint(53.3924, -1.8632);

    private void unit(String id, UnitType type, double northM) {
        roster.report(id, type, id, new GeoPoint(subject.latDeg() + northM / 111_195, subject.lonDeg()), 5,
                UnitStatus.AVAILABLE, now);
    }

    @Test
    void theUnitThatArrivesFirstGoesNotTheNearest() {
        unit("foot-near", UnitType.OFFICER_ON_FOOT, 1_500);   // ~20 min on foot
        unit("car-far", UnitType.PATROL_CAR, 4_000);          // ~8 min by car
        Assignment a = dispatcher.dispatch("inc-1", "trk-1", subject, "man, 82, grey coat").orElseThrow();
        assertThat(a.unitId()).isEqualTo("car-far");
        assertThat(a.state()).isEqualTo(AssignmentState.OFFERED);
        assertThat(a.etaS()).isCloseTo(4_000 * 1.4 / 12.0, org.assertj.core.data.Percentage.withPercentage(1));
        assertThat(roster.find("car-far").orElseThrow().status()).isEqualTo(UnitStatus.ASSIGNED);
        assertThat(dispatcher.dispatch("inc-1", "trk-1", subject, "")).contains(a);
    }

    @Test
    void aFreeOfficerIsOfferedBeforeANearerRobotAndTheRobotWhenTheOfficerDoesNotAnswer() {
        unit("robot-1", UnitType.GROUND_ROBOT, 50);        // ~45 s away
        unit("foot-1", UnitType.OFFICER_ON_FOOT, 900);     // ~12 min away
        Assignment first = dispatcher.dispatch("inc-1", "trk-1", subject, "").orElseThrow();
        assertThat(first.unitId()).as("a person first, however near the robot").isEqualTo("foot-1");
        assertThat(roster.find("robot-1").orElseThrow().status()).isEqualTo(UnitStatus.AVAILABLE);

        now = now.plusSeconds(60);
        List<Assignment> changed = dispatcher.expireDue();
        assertThat(changed).extracting(Assignment::unitId).containsExactly("foot-1", "robot-1");
        Assignment robot = changed.get(1);
        assertThat(robot.state()).as("offered, waiting for someone to accept it, not sent").isEqualTo(AssignmentState.OFFERED);
        assertThat(robot.etaS()).isCloseTo(50 * 1.3 / 1.5, org.assertj.core.data.Percentage.withPercentage(1));
        assertThat(roster.find("robot-1").orElseThrow().status()).isEqualTo(UnitStatus.ASSIGNED);
    }

    @Test
    void aRobotIsOfferedWithinItsDispatchRangeOnly() {
        unit("robot-far", UnitType.GROUND_ROBOT, 780);     // 780 m x 1.3 = 1014 m of way: beyond 1 km
        assertThat(dispatcher.dispatch("inc-1", "trk-1", subject, "")).isEmpty();
        assertThat(dispatcher.waiting("trk-1")).isTrue();
        unit("robot-near", UnitType.GROUND_ROBOT, 760);    // 988 m of way: within
        assertThat(dispatcher.expireDue()).singleElement().satisfies(a -> {
            assertThat(a.unitId()).isEqualTo("robot-near");
            assertThat(a.distanceM()).isCloseTo(988, org.assertj.core.data.Offset.offset(2.0));
        });
    }

    @Test
    void aResumedDispatcherKeepsOpenAssignmentsAndNumbersAfterTheStoredOnes() {
        Assignment before = new Assignment("asg-0041", "o1", "inc-1", "trk-1", subject, AssignmentState.ACKNOWLEDGED,
                120, 300, now.plusSeconds(60), now, "man, 82");
        dispatcher.resume(List.of(before), 57);
        unit("o1", UnitType.OFFICER_ON_FOOT, 100); // its app reports again, not knowing the node restarted
        unit("o2", UnitType.OFFICER_ON_FOOT, 900);

        assertThat(dispatcher.dispatch("inc-1", "trk-1", subject, "")).contains(before);
        Assignment next = dispatcher.dispatch("inc-2", "trk-2", subject, "").orElseThrow();
        assertThat(next.unitId()).as("o1 is nearer but still on its resumed job").isEqualTo("o2");
        assertThat(next.assignmentId()).isEqualTo("asg-0058");
        assertThat(dispatcher.arrive("asg-0041", "o1").state()).isEqualTo(AssignmentState.ARRIVED);
    }

    @Test
    void anUnacknowledgedOfferGoesToTheNextUnitAndTheFirstIsFreed() {
        unit("o1", UnitType.OFFICER_ON_FOOT, 300);
        unit("o2", UnitType.OFFICER_ON_FOOT, 900);
        List<Assignment> heard = new ArrayList<>();
        dispatcher.subscribe(heard::add);
        Assignment first = dispatcher.dispatch("inc-1", "trk-1", subject, "").orElseThrow();
        assertThat(first.unitId()).isEqualTo("o1");
        now = now.plusSeconds(59);
        assertThat(dispatcher.expireDue()).isEmpty();
        now = now.plusSeconds(1);
        List<Assignment> changed = dispatcher.expireDue();
        assertThat(changed).extracting(Assignment::state).containsExactly(AssignmentState.REASSIGNED, AssignmentState.OFFERED);
        assertThat(changed.get(1).unitId()).isEqualTo("o2");
        assertThat(roster.find("o1").orElseThrow().status()).isEqualTo(UnitStatus.AVAILABLE);
        assertThatThrownBy(() -> dispatcher.acknowledge(first.assignmentId(), "o1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("REASSIGNED");
        Assignment ack = dispatcher.acknowledge(changed.get(1).assignmentId(), "o2");
        assertThat(ack.state()).isEqualTo(AssignmentState.ACKNOWLEDGED);
        assertThat(heard).extracting(Assignment::state).containsExactly(AssignmentState.OFFERED,
                AssignmentState.REASSIGNED, AssignmentState.OFFERED, AssignmentState.ACKNOWLEDGED);
    }

    @Test
    void targetsFollowTheTrackAndArrivalFreesTheUnit() {
        unit("o1", UnitType.OFFICER_ON_FOOT, 300);
        Assignment a = dispatcher.dispatch("inc-1", "trk-1", subject, "").orElseThrow();
        dispatcher.acknowledge(a.assignmentId(), "o1");
        GeoPoint moved = new GeoPoint(subject.latDeg() + 0.001, subject.lonDeg());
        dispatcher.moveTarget("trk-1", moved);
        assertThat(dispatcher.find(a.assignmentId()).orElseThrow().target()).isEqualTo(moved);
        assertThatThrownBy(() -> dispatcher.arrive(a.assignmentId(), "o2")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> dispatcher.arrive("asg-none", "o1")).isInstanceOf(UnknownAssignmentException.class);
        assertThat(dispatcher.arrive(a.assignmentId(), "o1").state()).isEqualTo(AssignmentState.ARRIVED);
        assertThat(dispatcher.currentFor("o1")).isEmpty();
        assertThat(roster.available()).extracting(GroundUnit::unitId).containsExactly("o1");
    }

    @Test
    void withNoUnitFreeTheJobWaitsAndSilentOrBusyUnitsAreNotSent() {
        unit("stale", UnitType.OFFICER_ON_FOOT, 100);
        now = now.plus(UnitRoster.STALE_AFTER).plusSeconds(1);
        roster.report("busy", UnitType.PATROL_CAR, "B1", subject, 5, UnitStatus.BUSY, now);
        assertThat(dispatcher.dispatch("inc-1", "trk-1", subject, "")).isEmpty();
        assertThat(dispatcher.waiting("trk-1")).isTrue();
        unit("fresh", UnitType.OFFICER_ON_FOOT, 2_000);
        List<Assignment> changed = dispatcher.expireDue();
        assertThat(changed).singleElement().extracting(Assignment::unitId).isEqualTo("fresh");
        dispatcher.cancelIncident("inc-1");
        assertThat(dispatcher.find(changed.get(0).assignmentId()).orElseThrow().state()).isEqualTo(AssignmentState.CANCELLED);
        assertThat(roster.find("fresh").orElseThrow().status()).isEqualTo(UnitStatus.AVAILABLE);
    }

    @Test
    void badReportsAreRejectedNamingTheField() {
        assertThatThrownBy(() -> roster.report("u", UnitType.BOAT, "", new GeoPoint(91, 0), 1, UnitStatus.AVAILABLE, now))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latitude");
        assertThatThrownBy(() -> roster.report("u", UnitType.BOAT, "", subject, Double.NaN, UnitStatus.AVAILABLE, now))
                .hasMessageContaining("accuracy_m");
        assertThatThrownBy(() -> roster.report("u", UnitType.BOAT, "", subject, 1, UnitStatus.ASSIGNED, now))
                .hasMessageContaining("status");
        assertThat(roster.all()).isEmpty();
    }
}
