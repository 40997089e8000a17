package org.skyfleet.fleet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.skyfleet.fleet.store.StoreFixtures.T0;

import java.time.Duration;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.audit.AuditEntry;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.control.ControlLease;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.dispatch.Assignment;
import org.skyfleet.fleet.dispatch.AssignmentState;
import org.skyfleet.fleet.dispatch.EtaMethod;
import org.skyfleet.fleet.fusion.Sighting;
import org.skyfleet.fleet.incident.Incident;
import org.skyfleet.fleet.incident.SearchState;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.incident.TimelineKind;
import org.skyfleet.fleet.incident.UnknownIncidentException;
import org.skyfleet.fleet.command.CommandOutcome;
import org.skyfleet.fleet.command.CommandResult;
import org.skyfleet.fleet.command.MissionContentHash;
import org.skyfleet.fleet.command.MissionItem;
import org.skyfleet.fleet.command.MissionType;
import org.skyfleet.fleet.fusion.PositionCovariance;
import org.skyfleet.fleet.fusion.TargetClass;
import org.skyfleet.fleet.fusion.Track;
import org.skyfleet.fleet.fusion.TrackState;
import org.skyfleet.fleet.geofence.AltitudeBand;
import org.skyfleet.fleet.geofence.BreachPolicy;
import org.skyfleet.fleet.geofence.Zone;
import org.skyfleet.fleet.geofence.ZoneApplicability;
import org.skyfleet.fleet.geofence.ZoneCategory;
import org.skyfleet.fleet.geofence.ZoneKind;
import org.skyfleet.fleet.geofence.ZoneSchedule;
import org.skyfleet.fleet.geofence.ZoneShape;
import org.skyfleet.fleet.mission.Mission;
import org.skyfleet.fleet.mission.MissionState;
import org.skyfleet.fleet.vehicle.AutopilotKind;
import org.skyfleet.fleet.vehicle.LinkState;
import org.skyfleet.fleet.vehicle.VehicleIdentity;
import org.skyfleet.fleet.vehicle.VehicleKind;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GeoPolygon;

/**
 * What every {@link Store} must do, run against each implementation. {@link #restart()} closes the
 * store and opens a new instance over the same data, as a control plane does when it restarts.
 */
public abstract class StoreContractTest {
    protected Store store;

    /** A new store instance over this test's data (the same data every call within one test). */
    protected abstract Store openStore();

    @BeforeEach
    void openFirst() {
        store = openStore();
    }

    @AfterEach
    void closeLast() {
        if (store != null) {
            store.close();
        }
    }

    protected Store restart() {
        store.close();
        store = openStore();
        return store;
    }

    @Test
    void anIncidentWithItsTimelineSurvivesARestart() {
        Incident saved = StoreFixtures.missingPerson("inc-1");
        store.incidents().save(saved);
        store.incidents().appendTimeline("inc-1", StoreFixtures.note(1));
        Incident changed = saved.with(StoreFixtures.note(1))
                .withSearch(saved.search().withState(SearchState.ACTIVE).withCumulativePos(0.25))
                .withTrack("trk-3").withUnit("unit-4", false).with(StoreFixtures.note(2));
        store.incidents().save(changed);
        store.incidents().save(StoreFixtures.suspect("inc-0", T0.minusSeconds(5)));
        Incident closed = StoreFixtures.suspect("inc-2", T0).closed(T0.plusSeconds(600), "found, unharmed");
        store.incidents().save(closed);

        restart();

        assertThat(store.incidents().find("inc-1")).contains(changed);
        assertThat(store.incidents().find("inc-2")).contains(closed);
        assertThat(store.incidents().find("nope")).isEmpty();
        assertThat(store.incidents().loadOpen()).extracting(Incident::incidentId).containsExactly("inc-0", "inc-1");
        assertThat(store.incidents().loadOpen().get(1)).isEqualTo(changed);
    }

    @Test
    void revocationsOlderThanACutoffAreForgottenAndTheRestSurviveARestart() {
        TokenRevocation old = new TokenRevocation("tok-old", "lost phone", "alice (admin)", T0);
        TokenRevocation edge = new TokenRevocation("tok-edge", "left the unit", "alice (admin)", T0.plusSeconds(3600));
        TokenRevocation recent = new TokenRevocation("tok-new", "leaked", "alice (admin)", T0.plusSeconds(7200));
        assertThat(store.revocations().save(old)).isTrue();
        assertThat(store.revocations().save(edge)).isTrue();
        assertThat(store.revocations().save(recent)).isTrue();

        assertThat(store.revocations().deleteRevokedBefore(T0.plusSeconds(3600))).as("strictly before the cutoff").isEqualTo(1);
        restart();

        assertThat(store.revocations().loadAll()).containsExactly(edge, recent);
        assertThat(store.revocations().find("tok-old")).isEmpty();
        assertThat(store.revocations().deleteRevokedBefore(T0)).isZero();
    }

    @Test
    void gateCrossingsSurviveARestartInTimeOrderOnceEachAndOldOnesAreDeleted() {
        var in = new org.skyfleet.fleet.gate.GateCrossing("gate-toll", org.skyfleet.fleet.gate.SubjectKind.VESSEL, "412000001",
                org.skyfleet.fleet.gate.CrossingDirection.IN, T0.plusMillis(1500), 29.95, 122.30);
        var out = new org.skyfleet.fleet.gate.GateCrossing("gate-toll", org.skyfleet.fleet.gate.SubjectKind.VESSEL, "412000001",
                org.skyfleet.fleet.gate.CrossingDirection.OUT, T0.plusSeconds(60), 29.96, 122.31);
        var drone = new org.skyfleet.fleet.gate.GateCrossing("gate-port", org.skyfleet.fleet.gate.SubjectKind.DRONE, "drone-1",
                org.skyfleet.fleet.gate.CrossingDirection.IN, T0.minusSeconds(7200), 29.9, 122.2);
        store.gateCrossings().append(List.of(out, drone));
        store.gateCrossings().append(List.of(in, out)); // out again: stored once
        store.gateCrossings().append(List.of());

        restart();

        assertThat(store.gateCrossings().since(T0.minusSeconds(86_400))).containsExactly(drone, in, out);
        assertThat(store.gateCrossings().since(T0.plusMillis(1500))).as("from is inclusive").containsExactly(in, out);
        assertThat(store.gateCrossings().deleteBefore(T0)).isEqualTo(1);
        assertThat(store.gateCrossings().since(Instant.EPOCH)).containsExactly(in, out);
    }

    @Test
    void savingAnIncidentAgainDoesNotRepeatItsTimeline() {
        Incident i = StoreFixtures.missingPerson("inc-1");
        store.incidents().save(i);
        store.incidents().save(i);
        assertThat(store.incidents().find("inc-1").orElseThrow().timeline()).isEqualTo(i.timeline());
    }

    @Test
    void aTimelineEntryKeepsItsMessageCodeAndParametersInOrder() {
        store.incidents().save(StoreFixtures.suspect("inc-1", T0));
        TimelineEntry coded = TimelineEntry.of(T0, TimelineKind.NOTE, "automation", "no unit available for track t-1")
                .withTrack("t-1").withCode("NOTE_NO_UNIT_AVAILABLE").withParams("track", "t-1", "eta_min", 7);
        store.incidents().appendTimeline("inc-1", coded);
        restart();
        List<TimelineEntry> timeline = store.incidents().find("inc-1").orElseThrow().timeline();
        TimelineEntry back = timeline.get(timeline.size() - 1);
        assertThat(back).isEqualTo(coded);
        assertThat(back.params().keySet()).containsExactly("track", "eta_min");
        assertThat(timeline.get(0).code()).as("an entry without a code has its kind's").isEqualTo(timeline.get(0).kind().name());
    }

    @Test
    void appendingToAnUnknownIncidentIsRefused() {
        assertThatThrownBy(() -> store.incidents().appendTimeline("inc-404", StoreFixtures.note(1)))
                .isInstanceOf(UnknownIncidentException.class).hasMessageContaining("inc-404");
    }

    @Test
    void concurrentAppendsToOneTimelineAreAllKeptInTheOrderTheyCommitted() throws Exception {
        store.incidents().save(StoreFixtures.suspect("inc-1", T0));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t + 1;
                done.add(pool.submit(() -> {
                    for (int n = 0; n < 25; n++) {
                        store.incidents().appendTimeline("inc-1", StoreFixtures.note(thread * 100 + n));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        List<TimelineEntry> timeline = restart().incidents().find("inc-1").orElseThrow().timeline();
        assertThat(timeline).hasSize(101).doesNotHaveDuplicates();
        for (int thread = 1; thread <= 4; thread++) {
            int t = thread;
            assertThat(timeline.stream().map(TimelineEntry::text).filter(x -> x.startsWith("note " + t)).toList())
                    .as("thread %d's entries in its own order", t)
                    .isSortedAccordingTo((a, b) -> Integer.compare(Integer.parseInt(a.substring(5)), Integer.parseInt(b.substring(5))));
        }
    }

    @Test
    void theAuditChainSurvivesARestartIntactAndIsContinued() {
        Instant[] now = {T0};
        AuditJournal journal = new AuditJournal(() -> now[0], store.audit());
        List<AuditEntry> appended = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            now[0] = now[0].plusNanos(1_234_567);
            appended.add(journal.append("pilot-7 (pilot)", "command ARM", "drone-" + (n % 3), "n=" + n, "ACCEPTED"));
        }

        List<AuditEntry> loaded = restart().audit().loadAll();
        AuditEntry after = new AuditJournal(() -> now[0], store.audit()).append("system", "boot", "", "", "OK");

        assertThat(loaded).isEqualTo(appended);
        assertThat(after.sequence()).isEqualTo(21);
        assertThat(after.previousHash()).isEqualTo(appended.get(19).hash());
        assertThat(AuditJournal.firstBroken(store.audit().loadAll())).isEmpty();
    }

    @Test
    void appendNextIsHandedTheStoredTail() {
        AuditJournal journal = new AuditJournal(() -> T0, store.audit());
        List<AuditEntry> tails = new ArrayList<>();
        AuditEntry first = store.audit().appendNext(tail -> {
            tails.add(tail);
            return StoreFixtures.auditAfter(tail, "first");
        });
        AuditEntry second = journal.append("system", "boot", "", "", "OK");
        AuditEntry third = store.audit().appendNext(tail -> {
            tails.add(tail);
            return StoreFixtures.auditAfter(tail, "third");
        });

        assertThat(tails).containsExactly(null, second);
        assertThat(second.sequence()).isEqualTo(2);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(store.audit().loadAll()).containsExactly(first, second, third);
    }

    @Test
    void anAuditEntryThatDoesNotFollowTheTailIsRefusedAndNothingStored() {
        AuditEntry first = store.audit().appendNext(tail -> StoreFixtures.auditAfter(tail, "first"));
        AuditEntry third = StoreFixtures.auditAfter(StoreFixtures.auditAfter(first, "second"), "third");

        assertThatThrownBy(() -> store.audit().appendNext(tail -> first)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.audit().appendNext(tail -> third)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.audit().appendNext(tail -> {
            throw new IllegalStateException("the builder failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(store.audit().loadAll()).containsExactly(first);
    }

    @Test
    void theAuditChainIsReadAPageAtATime() {
        AuditJournal journal = new AuditJournal(() -> T0, store.audit());
        for (int n = 1; n <= 7; n++) {
            journal.append("system", "mission approved", "", "m-" + n, "OK");
        }

        assertThat(store.audit().page(0, 3)).extracting(AuditEntry::sequence).containsExactly(1L, 2L, 3L);
        assertThat(journal.page(3, 3)).extracting(AuditEntry::sequence).containsExactly(4L, 5L, 6L);
        assertThat(store.audit().page(6, 3)).extracting(AuditEntry::sequence).containsExactly(7L);
        assertThat(store.audit().page(7, 3)).isEmpty();
        assertThat(store.audit().page(2, 0)).isEmpty();
        assertThat(store.audit().page(0, 100)).isEqualTo(store.audit().loadAll()).hasSize(7);
        assertThatThrownBy(() -> store.audit().page(0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(journal.firstBroken()).isEmpty();
    }

    @Test
    void sightingsAreAppendedAndCounted() {
        store.incidents().save(StoreFixtures.suspect("inc-1", T0));
        store.sightings().append(StoreFixtures.sighting("s-1", 1_000, null));
        store.sightings().append(StoreFixtures.sighting("s-3", 3_000, "inc-1"));
        Sighting plain = Sighting.of("s-2", org.skyfleet.fleet.fusion.SourceKind.CITIZEN, "app", 2_000, 53.0, -1.5, 40,
                org.skyfleet.fleet.fusion.TargetClass.OTHER, 0.4).withIncident("inc-1");
        TimelineEntry entry = TimelineEntry.of(T0, TimelineKind.SIGHTING, "app", "citizen report").withSighting("s-2");
        store.sightings().appendWithTimeline(plain, entry);

        restart();

        assertThat(store.sightings().count()).isEqualTo(3);
        assertThat(store.sightings().forIncident("inc-1"))
                .containsExactly(plain, StoreFixtures.sighting("s-3", 3_000, "inc-1"));
        assertThat(store.incidents().find("inc-1").orElseThrow().timeline()).endsWith(entry);
        assertThatThrownBy(() -> store.sightings().append(StoreFixtures.sighting("s-1", 1_000, null)))
                .isInstanceOf(StoreException.class);
        assertThat(store.sightings().contains("s-1")).isTrue();
        assertThat(store.sightings().contains("s-9")).isFalse();
    }

    @Test
    void aSightingForAnUnknownIncidentWritesNeitherSightingNorEntry() {
        Sighting s = StoreFixtures.sighting("s-1", 1_000, "inc-404");
        assertThatThrownBy(() -> store.sightings().appendWithTimeline(s, StoreFixtures.note(1)))
                .isInstanceOf(UnknownIncidentException.class);
        assertThat(store.sightings().count()).isZero();
    }

    @Test
    void assignmentsAreUpsertedAndOpenOnesReload() {
        Assignment offered = StoreFixtures.assignment("asg-1", "unit-1", AssignmentState.OFFERED, T0);
        store.assignments().save(offered);
        Assignment acknowledged = offered.withState(AssignmentState.ACKNOWLEDGED, T0.plusSeconds(20));
        store.assignments().save(acknowledged);
        Assignment arrived = StoreFixtures.assignment("asg-2", "unit-2", AssignmentState.OFFERED, T0)
                .withState(AssignmentState.ARRIVED, T0.plusSeconds(300));
        store.assignments().save(arrived);
        Assignment bare = new Assignment("asg-3", "unit-3", null, null, null, AssignmentState.OFFERED, 0, 0, null, null, null);
        store.assignments().save(bare);

        restart();

        assertThat(store.assignments().find("asg-1")).contains(acknowledged);
        assertThat(store.assignments().find("asg-2")).contains(arrived);
        assertThat(store.assignments().loadOpen()).containsExactly(acknowledged, bare);
        // how the ETA was made and the road route come back as they were saved, to the last bit
        Assignment byRoad = new Assignment("asg-4", "car-1", "inc-1", "trk-1", new GeoPoint(29.9812345678901, 122.2071234567891),
                AssignmentState.OFFERED, 61.5, 812.25, T0.plusSeconds(30), T0, "missing person", EtaMethod.ROAD,
                List.of(new GeoPoint(29.98, 122.2), new GeoPoint(29.9805123456789, 122.2031234567891),
                        new GeoPoint(29.9812345678901, 122.2071234567891)));
        store.assignments().save(byRoad);
        Assignment straight = new Assignment("asg-5", "boat-1", "inc-1", "trk-1", new GeoPoint(29.9, 122.3),
                AssignmentState.OFFERED, 300, 1500, T0.plusSeconds(30), T0, "", EtaMethod.STRAIGHT_LINE, List.of());
        store.assignments().save(straight);
        assertThat(store.assignments().find("asg-4")).contains(byRoad);
        assertThat(store.assignments().find("asg-5")).contains(straight);
        assertThat(store.assignments().find("asg-3").orElseThrow().etaMethod()).isEqualTo(EtaMethod.UNKNOWN);
    }

    @Test
    void theHighestAssignmentNumberCountsEveryStoredAssignment() {
        assertThat(store.assignments().highestAssignmentNumber()).isZero();
        store.assignments().save(StoreFixtures.assignment("asg-0009", "unit-1", AssignmentState.OFFERED, T0)
                .withState(AssignmentState.ARRIVED, T0.plusSeconds(60)));
        store.assignments().save(StoreFixtures.assignment("asg-10000", "unit-2", AssignmentState.CANCELLED, T0));
        store.assignments().save(StoreFixtures.assignment("asg-0042", "unit-3", AssignmentState.OFFERED, T0));
        store.assignments().save(StoreFixtures.assignment("legacy-99999", "unit-4", AssignmentState.OFFERED, T0));

        restart();

        assertThat(store.assignments().highestAssignmentNumber()).isEqualTo(10_000);
    }

    @Test
    void liveLeasesReloadAndExpiredOrReleasedOnesDoNot() {
        Operator pilot = new Operator("pilot-7", Operator.Role.PILOT);
        Operator commander = new Operator("cmd-1", Operator.Role.COMMANDER);
        store.leases().save(new ControlLease("drone-1", pilot, T0, T0.plusSeconds(30), ""));
        store.leases().save(new ControlLease("drone-2", pilot, T0.minusSeconds(60), T0.minusNanos(1), ""));
        store.leases().save(new ControlLease("drone-3", pilot, T0, T0.plusSeconds(30), ""));
        ControlLease takenOver = new ControlLease("drone-1", commander, T0.plusSeconds(5), T0.plusSeconds(35), "suspect fled");
        store.leases().save(takenOver);
        store.leases().delete("drone-3");
        store.leases().delete("drone-never");

        restart();

        assertThat(store.leases().loadLive(T0)).containsExactly(takenOver);
        assertThat(store.leases().loadLive(T0.plusSeconds(35))).isEmpty();
    }

    @Test
    void positionsAreDownSampledToOneHertzPerVehicleAndReplayedInTimeOrder() {
        PositionHistoryStore history = PositionDownsampler.oneHertz(store.positions());
        for (int tick = 0; tick < 50; tick++) { // 10 Hz for 5 s, two vehicles interleaved
            Instant t = T0.plusMillis(100L * tick);
            history.append("drone-1", t, 53.39 + tick * 1e-5, -1.86, 300 + tick);
            history.append("drone-2", t.plusMillis(37), 53.40, -1.87 - tick * 1e-5, 250.5);
        }
        history.append("drone-1", T0.plusMillis(250), 0, 0, 0); // late and out of order: dropped

        List<PositionSample> one = restart().positions().replay("drone-1", T0, T0.plusSeconds(60));
        List<PositionSample> two = store.positions().replay("drone-2", T0, T0.plusSeconds(60));

        assertThat(one).hasSize(5).extracting(PositionSample::time)
                .containsExactly(T0, T0.plusSeconds(1), T0.plusSeconds(2), T0.plusSeconds(3), T0.plusSeconds(4));
        assertThat(one.get(1)).isEqualTo(new PositionSample("drone-1", T0.plusSeconds(1), 53.39 + 10 * 1e-5, -1.86, 310));
        assertThat(two).hasSize(5).isSortedAccordingTo((a, b) -> a.time().compareTo(b.time()));
        for (int i = 1; i < two.size(); i++) {
            assertThat(Duration.between(two.get(i - 1).time(), two.get(i).time())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
        assertThat(store.positions().replay("drone-1", T0.plusSeconds(1), T0.plusSeconds(3))).hasSize(2);
        assertThat(store.positions().replay("drone-9", T0, T0.plusSeconds(60))).isEmpty();
        assertThat(store.positions().replay("drone-1", Instant.MIN, Instant.MAX)).isEqualTo(one);
    }

    @Test
    void pruningForgetsEverySampleBeforeTheCutoffAndKeepsTheRest() {
        for (int s = 0; s < 10; s++) {
            store.positions().append("drone-1", T0.plusSeconds(s), 53.39, -1.86, 300);
            store.positions().append("unit:car-7", T0.plusSeconds(s).plusMillis(500), 53.40, -1.87, 0);
        }
        assertThat(store.positions().pruneBefore(T0.plusSeconds(5))).isEqualTo(10);
        assertThat(restart().positions().replay("drone-1", Instant.MIN, Instant.MAX)).extracting(PositionSample::time)
                .containsExactly(T0.plusSeconds(5), T0.plusSeconds(6), T0.plusSeconds(7), T0.plusSeconds(8), T0.plusSeconds(9));
        assertThat(store.positions().replay("unit:car-7", Instant.MIN, Instant.MAX)).hasSize(5)
                .allSatisfy(p -> assertThat(p.time()).isAfter(T0.plusSeconds(5)));
        assertThat(store.positions().pruneBefore(T0.plusSeconds(5))).isZero();
        assertThat(store.positions().pruneBefore(Instant.MAX)).isEqualTo(10);
        assertThat(store.positions().replay("drone-1", Instant.MIN, Instant.MAX)).isEmpty();
    }

    @Test
    void aRepeatedPositionSampleIsIgnored() {
        store.positions().append("drone-1", T0, 53.0, -1.0, 100);
        store.positions().append("drone-1", T0, 54.0, -2.0, 200);
        assertThat(store.positions().replay("drone-1", T0, T0.plusSeconds(1)))
                .containsExactly(new PositionSample("drone-1", T0, 53.0, -1.0, 100));
    }

    @Test
    void zonesOfEveryShapeBandAndScheduleComeBackAsTheyWerePut() {
        GeoPolygon withHole = new GeoPolygon(
                List.of(new GeoPoint(53.38, -1.88), new GeoPoint(53.38, -1.84), new GeoPoint(53.40, -1.84), new GeoPoint(53.40, -1.88)),
                List.of(List.of(new GeoPoint(53.385, -1.87), new GeoPoint(53.385, -1.86), new GeoPoint(53.39, -1.86))));
        Zone prison = new Zone("z-prison", "HMP Hill", new ZoneShape.Polygon(withHole), ZoneKind.EXCLUSION,
                AltitudeBand.unlimited(), null, ZoneCategory.PRISON, ZoneApplicability.all(), BreachPolicy.RETURN_TO_LAUNCH);
        Zone match = new Zone("z-match", "Stadium, match day", new ZoneShape.Circle(new GeoPoint(53.37, -1.47), 1500.5),
                ZoneKind.EXCLUSION, AltitudeBand.amsl(-10.25, 400),
                new ZoneSchedule.Weekly(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), LocalTime.of(14, 30),
                        LocalTime.of(18, 0, 15), "Europe/London"),
                ZoneCategory.CROWD_EVENT, new ZoneApplicability(Set.of("drone-2", "drone-1"), Set.of(VehicleKind.MULTICOPTER)),
                BreachPolicy.HOLD);
        Zone tfr = new Zone("z-tfr", null, new ZoneShape.Circle(new GeoPoint(53.0, -1.0), 200), ZoneKind.EXCLUSION,
                AltitudeBand.relative(0, 120), new ZoneSchedule.Between(T0, null), ZoneCategory.TEMPORARY_RESTRICTION,
                null, null);
        store.zones().put(prison);
        store.zones().put(match);
        store.zones().put(tfr);
        store.zones().put(tfr.withBand(AltitudeBand.relative(0, 90)));
        assertThat(store.zones().remove("z-never")).isFalse();

        restart();

        assertThat(store.zones().all()).containsExactly(match, prison, tfr.withBand(AltitudeBand.relative(0, 90)));
        assertThat(store.zones().remove("z-prison")).isTrue();
        assertThat(restart().zones().get("z-prison")).isEmpty();
        assertThat(store.zones().get("z-match")).contains(match);
    }

    @Test
    void aGateZoneComesBackWithItsKind() {
        Zone school = new Zone("g-school", "实验学校", new ZoneShape.Circle(new GeoPoint(29.8780, 121.5582), 60), ZoneKind.INCLUSION,
                null, null, ZoneCategory.SMALL_GATE, null, null, org.skyfleet.fleet.geofence.GateKind.SCHOOL);
        store.zones().put(school);

        restart();

        assertThat(store.zones().get("g-school")).contains(school);
        assertThat(store.zones().get("g-school").orElseThrow().gateKind()).isEqualTo(org.skyfleet.fleet.geofence.GateKind.SCHOOL);
    }

    @Test
    void aMissionComesBackWithItsItemsTransitionsAndProgress() {
        List<MissionItem> items = List.of(
                new MissionItem(6, 16, 0, 2.5f, 0, Float.NaN, MissionItem.degE7(53.391234567), MissionItem.degE7(-1.861), 60.1f, true),
                new MissionItem(6, 16, 0.1f, 0, 0, 90f, MissionItem.degE7(53.392), MissionItem.degE7(-1.862), 60f, true),
                new MissionItem(2, 20, 0, 0, 0, 0, 0, 0, 0, false));
        Mission m = new Mission("m-1", "drone-1", items, MissionContentHash.of(MissionType.MISSION, items), 8.5,
                MissionState.DRAFT, List.of(), -1, -1);
        store.missions().save(m);
        Mission flying = m.moveTo(MissionState.APPROVED, T0, "pilot-7 (PILOT)", "")
                .moveTo(MissionState.UPLOADING, T0.plusSeconds(1), "pilot-7 (PILOT)", "")
                .moveTo(MissionState.UPLOADED, T0.plusSeconds(2), "vehicle", "")
                .moveTo(MissionState.FLYING, T0.plusSeconds(3), "pilot-7 (PILOT)", "go")
                .withProgress(2, 1);
        store.missions().save(flying);
        Mission other = new Mission("m-0", "drone-2", List.of(), MissionContentHash.of(MissionType.MISSION, List.of()), 5,
                MissionState.DRAFT, List.of(), -1, -1);
        store.missions().save(other);

        List<Mission> loaded = restart().missions().loadAll();

        assertThat(loaded).containsExactly(other, flying);
        assertThat(loaded.get(1).contentHash()).isEqualTo(MissionContentHash.of(MissionType.MISSION, loaded.get(1).items()));
    }

    @Test
    void trackSnapshotsAreReplacedDroppedOnesAreNotLiveAndTheirNumbersAreNotForgotten() {
        Track t3 = track("trk-3", TrackState.TENTATIVE, T0.toEpochMilli());
        Track t9 = track("trk-9", TrackState.CONFIRMED, T0.toEpochMilli() + 5_000);
        Track t12 = track("trk-12", TrackState.CONFIRMED, T0.toEpochMilli() + 6_000);
        store.tracks().save(t3);
        store.tracks().save(t9);
        store.tracks().save(t12);
        store.tracks().save(track("trk-12", TrackState.DROPPED, T0.toEpochMilli() + 90_000));
        Track t3Confirmed = track("trk-3", TrackState.CONFIRMED, T0.toEpochMilli() + 7_000);
        store.tracks().save(t3Confirmed);

        restart();

        assertThat(store.tracks().loadLive()).containsExactly(t3Confirmed, t9);
        assertThat(store.tracks().highestTrackNumber()).isEqualTo(12);
    }

    @Test
    void aVehicleKeepsItsFirstSightingAndTakesItsLatestLinkAndPosition() {
        VehicleIdentity id = new VehicleIdentity("mav-14550-7", VehicleKind.MULTICOPTER, AutopilotKind.PX4, 7, "10.0.0.7:14580");
        store.vehicles().save(new VehicleRecord(id, T0, T0, LinkState.CONNECTED, Double.NaN, Double.NaN, Double.NaN));
        VehicleRecord lost = new VehicleRecord(id, T0.plusSeconds(600), T0.plusSeconds(600), LinkState.LOST, 53.39, -1.86, 312.5);
        store.vehicles().save(lost);

        assertThat(restart().vehicles().loadAll())
                .containsExactly(new VehicleRecord(id, T0, T0.plusSeconds(600), LinkState.LOST, 53.39, -1.86, 312.5));
    }

    @Test
    void answeredCommandsComeBackFromTheirTimeOnAndAnIdIsStoredOnce() {
        CommandRecord arm = new CommandRecord("c-1", "drone-1 ARM", new CommandOutcome(CommandResult.ACCEPTED, -1, 1, ""), T0);
        CommandRecord old = new CommandRecord("c-0", "drone-1 HOLD", new CommandOutcome(CommandResult.DENIED, -1, 3, "busy"),
                T0.minusSeconds(86_401));
        store.commands().save(arm);
        store.commands().save(old);
        assertThatThrownBy(() -> store.commands().save(arm)).isInstanceOf(StoreException.class);

        assertThat(restart().commands().loadSince(T0.minusSeconds(86_400))).containsExactly(arm);
        assertThat(store.commands().loadSince(Instant.EPOCH)).containsExactly(old, arm);
    }

    @Test
    void anAnsweredCommandIsFoundByItsIdWhateverItsAge() {
        CommandRecord arm = new CommandRecord("c-1", "drone-1 ARM", new CommandOutcome(CommandResult.ACCEPTED, -1, 2, "ok"), T0);
        CommandRecord old = new CommandRecord("c-0", "drone-1 HOLD", new CommandOutcome(CommandResult.DENIED, -1, 3, "busy"),
                T0.minusSeconds(86_401));
        store.commands().save(arm);
        store.commands().save(old);

        assertThat(store.commands().find("c-1")).contains(arm);
        assertThat(restart().commands().find("c-0")).contains(old);
        assertThat(store.commands().find("c-2")).isEmpty();
    }

    @Test
    void aRevokedTokenStaysRevokedAcrossARestartAndTheFirstRevocationIsKept() {
        TokenRevocation first = new TokenRevocation("tok-1", "laptop stolen", "alice (admin)", T0);
        TokenRevocation second = new TokenRevocation("tok-2", "left the force", "bob (admin)", T0.plusSeconds(60));

        assertThat(store.revocations().save(first)).isTrue();
        assertThat(store.revocations().save(second)).isTrue();
        assertThat(store.revocations().save(new TokenRevocation("tok-1", "again", "bob (admin)", T0.plusSeconds(120)))).isFalse();

        assertThat(restart().revocations().find("tok-1")).contains(first);
        assertThat(store.revocations().find("tok-3")).isEmpty();
        assertThat(store.revocations().loadAll()).containsExactly(first, second);
    }

    @Test
    void aRobotsPairingSurvivesARestartAndTheLatestTaskingReplacesTheOneBefore() {
        var paired = org.skyfleet.fleet.escort.RobotTasking.following("mav-0-9", "officer-1", 3, "lin (dispatcher)", T0);
        var other = org.skyfleet.fleet.escort.RobotTasking.following("mav-0-8", "officer-2", 4.5, "lin (dispatcher)", T0);
        store.robotTaskings().save(paired);
        store.robotTaskings().save(other);
        var patrolling = paired.with(org.skyfleet.fleet.escort.RobotTasking.Duty.PATROLLING, "lin (dispatcher)", T0.plusSeconds(60));
        store.robotTaskings().save(patrolling);

        assertThat(restart().robotTaskings().find("mav-0-9")).contains(patrolling);
        assertThat(store.robotTaskings().loadAll()).containsExactly(other, patrolling);
        assertThat(store.robotTaskings().find("mav-0-7")).isEmpty();
    }

    @Test
    void theResponsePolicySetLastSurvivesARestartAndReplacesTheOneBefore() {
        assertThat(store.responsePolicies().load()).isEmpty();
        var d = org.skyfleet.fleet.response.ResponsePolicy.defaults();
        var first = new org.skyfleet.fleet.response.SavedResponsePolicy(d, "serve --response-policy zhoushan.policy", T0);
        store.responsePolicies().save(first);
        var modes = d.with(org.skyfleet.fleet.incident.IncidentType.FIRE, org.skyfleet.fleet.incident.IncidentPriority.P3,
                org.skyfleet.fleet.response.LaunchMode.NEVER).modes();
        var stricter = new org.skyfleet.fleet.response.ResponsePolicy(modes, Duration.ofSeconds(90), 80, 35, 4, 50, 6000, 300, 30);
        var second = new org.skyfleet.fleet.response.SavedResponsePolicy(stricter, "admin:ops", T0.plusSeconds(60));
        store.responsePolicies().save(second);

        var back = restart().responsePolicies().load().orElseThrow();
        assertThat(back.setBy()).isEqualTo("admin:ops");
        assertThat(back.setAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(back.policy().altitudeRelM()).isEqualTo(80);
        assertThat(back.policy().approvalTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(back.policy().mode(org.skyfleet.fleet.incident.IncidentType.FIRE, org.skyfleet.fleet.incident.IncidentPriority.P3))
                .isEqualTo(org.skyfleet.fleet.response.LaunchMode.NEVER);
        assertThat(org.skyfleet.fleet.response.ResponsePolicyFile.format(back.policy()))
                .isEqualTo(org.skyfleet.fleet.response.ResponsePolicyFile.format(stricter));
    }

    @Test
    void airframeProfilesAndBindingsComeBackAsTheyWerePutAndAReplacedOneIsReplaced() {
        var m30 = new org.skyfleet.fleet.airframe.AirframeProfile("m30t", "DJI Matrice 30T", org.skyfleet.fleet.airframe.AirframeType.MULTICOPTER,
                12.5, 23, 6, 2460, 15, "wide, zoom, thermal", "DJI", 0, 0, 25, 0);
        var x500 = new org.skyfleet.fleet.airframe.AirframeProfile("x500", "Holybro X500 v2", org.skyfleet.fleet.airframe.AirframeType.MULTICOPTER,
                8, 15, 3, 600, 10, "", "PX4 1.14", 0x26ac, 0x11, 0, 100);
        store.airframes().saveProfile(m30);
        store.airframes().saveProfile(x500);
        var faster = new org.skyfleet.fleet.airframe.AirframeProfile("x500", "Holybro X500 v2", org.skyfleet.fleet.airframe.AirframeType.MULTICOPTER,
                9, 15, 3, 660, 10, "thermal", "PX4 1.15", 0x26ac, 0x11, 20, 100);
        store.airframes().saveProfile(faster);
        var bound = new org.skyfleet.fleet.airframe.AirframeBinding("drone-1", "x500",
                org.skyfleet.fleet.airframe.AirframeBinding.Source.AUTOPILOT_VERSION, "autopilot", T0);
        store.airframes().saveBinding(bound);
        var rebound = new org.skyfleet.fleet.airframe.AirframeBinding("drone-1", "m30t",
                org.skyfleet.fleet.airframe.AirframeBinding.Source.OPERATOR, "pat (pilot)", T0.plusSeconds(5));
        store.airframes().saveBinding(rebound);
        store.airframes().saveBinding(new org.skyfleet.fleet.airframe.AirframeBinding("drone-2", "x500",
                org.skyfleet.fleet.airframe.AirframeBinding.Source.OPERATOR, "pat (pilot)", T0));

        Store again = restart();
        assertThat(again.airframes().listProfiles()).containsExactly(m30, faster);
        assertThat(again.airframes().findProfile("x500")).contains(faster);
        assertThat(again.airframes().listBindings()).hasSize(2).first().isEqualTo(rebound);
        assertThat(again.airframes().deleteBinding("drone-2")).isTrue();
        assertThat(again.airframes().deleteBinding("drone-2")).isFalse();
        assertThat(again.airframes().deleteProfile("x500")).isTrue();
        assertThat(again.airframes().findProfile("x500")).isEmpty();
    }

    @Test
    void batteryPacksComeBackWholeWithTheirClearanceAndAnEmptyOneWithNulls() {
        var cleared = new org.skyfleet.fleet.battery.BatteryPack("SN-0001", "Tattu 6S 10000", 10000, 7400.5, 312, 300, 20,
                T0, "drone-1", T0.plusSeconds(1), new org.skyfleet.fleet.battery.BatteryPack.Clearance("ada (admin)", T0.plusSeconds(2), 312, 26));
        var fresh = new org.skyfleet.fleet.battery.BatteryPack("SN-0002", "", 5000, 0, 0, 300, 20, null, "", null, null);
        store.batteries().save(fresh);
        store.batteries().save(cleared);
        store.batteries().save(fresh.withHealth(1, 4990));

        Store again = restart();
        assertThat(again.batteries().list()).containsExactly(cleared, fresh.withHealth(1, 4990));
        assertThat(again.batteries().find("SN-0003")).isEmpty();
    }

    @Test
    void aFlightComesBackWithItsEventsAndTrackAndFlightsAreListedByTakeoffInTheirPeriod() {
        var first = new org.skyfleet.fleet.flightlog.FlightRecord("f-drone-1-1", "drone-1", "x500", "SN-1", "pat (pilot)", "m-1", "inc-1",
                T0, T0.plusSeconds(300), 2400.5, 61.25, 98, Double.NaN,
                List.of(new org.skyfleet.fleet.flightlog.FlightEvent(T0.plusSeconds(100), "LINK_LOST", "no heartbeat for 5 s, \"quoted\"")),
                // track times are kept to the millisecond
                List.of(new org.skyfleet.fleet.flightlog.TrackPoint(T0.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), 53.391234567891,
                                -1.861234567891, 0),
                        new org.skyfleet.fleet.flightlog.TrackPoint(T0.plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                                53.3913, -1.8613, 3.5)));
        var second = new org.skyfleet.fleet.flightlog.FlightRecord("f-drone-2-1", "drone-2", "", "", "autopilot", "", "",
                T0.plusSeconds(60), T0.plusSeconds(120), 0, 10, 50, 45, List.of(), List.of());
        store.flights().save(second);
        store.flights().save(first);
        store.flights().saveMaintenance(new org.skyfleet.fleet.flightlog.MaintenanceRecord("drone-1", T0.minusSeconds(60), "ada (admin)", "props"));
        store.flights().saveMaintenance(new org.skyfleet.fleet.flightlog.MaintenanceRecord("drone-1", T0.minusSeconds(10), "ada (admin)", "motors"));

        Store again = restart();
        assertThat(again.flights().find("f-drone-1-1")).contains(first);
        assertThat(again.flights().list(null, T0, T0.plusSeconds(3600), 10)).containsExactly(first, second);
        assertThat(again.flights().list("drone-2", T0, java.time.Instant.MAX, 10)).containsExactly(second);
        assertThat(again.flights().list(null, T0.plusSeconds(1), T0.plusSeconds(60), 10)).isEmpty();
        assertThat(again.flights().list(null, T0, T0.plusSeconds(3600), 1)).containsExactly(first);
        assertThat(again.flights().lastMaintenance("drone-1")).map(m -> m.note()).contains("motors");
        assertThat(again.flights().lastMaintenance("drone-2")).isEmpty();
    }

    private static Track track(String id, TrackState state, long lastMs) {
        PositionCovariance cov = new PositionCovariance(25.5, -3.25, 16);
        return new Track(id, state, TargetClass.PERSON, 53.391234567891, -1.861234567891, 0.4, -0.25, cov, cov.ellipse95(),
                List.of("s-1", "s-2"), lastMs - 1_000, lastMs, 0.87, state == TrackState.TENTATIVE ? Optional.empty()
                        : Optional.of("inc-1"));
    }

    @Test
    void evidenceSegmentsAreKeptByIncidentInTimeOrderAndForgottenOneByOne() {
        java.time.Instant t = java.time.Instant.parse("2026-12-07T10:00:00Z");
        var later = new org.skyfleet.fleet.evidence.EvidenceSegment("inc-1/mav-1/b.mp4", "inc-1", "mav-1", "mav-1_b.mp4",
                t.plusSeconds(60), t.plusSeconds(120), 2048, "b".repeat(64), 8, "d".repeat(64));
        var first = new org.skyfleet.fleet.evidence.EvidenceSegment("inc-1/mav-1/a.mp4", "inc-1", "mav-1", "mav-1_a.mp4",
                t, t.plusSeconds(60), 1024, "a".repeat(64), 7, "c".repeat(64));
        var other = new org.skyfleet.fleet.evidence.EvidenceSegment("inc-2/mav-2/a.mp4", "inc-2", "mav-2", "mav-2_a.mp4",
                t, t.plusSeconds(60), 512, "e".repeat(64), 9, "f".repeat(64));
        store.evidence().save(later);
        store.evidence().save(first);
        store.evidence().save(other);
        store.evidence().save(first); // the same segment again replaces it
        restart();
        assertThat(store.evidence().byIncident("inc-1")).containsExactly(first, later);
        assertThat(store.evidence().find("inc-2/mav-2/a.mp4")).contains(other);
        assertThat(store.evidence().endedBefore(t.plusSeconds(60))).isEmpty();
        assertThat(store.evidence().endedBefore(t.plusSeconds(61))).containsExactly(first, other);
        assertThat(store.evidence().delete("inc-1/mav-1/a.mp4")).isTrue();
        assertThat(store.evidence().delete("inc-1/mav-1/a.mp4")).isFalse();
        assertThat(store.evidence().byIncident("inc-1")).containsExactly(later);
    }
}
