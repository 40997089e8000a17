package org.skyfleet.fleet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.skyfleet.fleet.store.StoreFixtures.T0;

import java.time.Duration;
import java.time.Instant;
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
import org.skyfleet.fleet.fusion.Sighting;
import org.skyfleet.fleet.incident.Incident;
import org.skyfleet.fleet.incident.SearchState;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.incident.TimelineKind;
import org.skyfleet.fleet.incident.UnknownIncidentException;

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
    void savingAnIncidentAgainDoesNotRepeatItsTimeline() {
        Incident i = StoreFixtures.missingPerson("inc-1");
        store.incidents().save(i);
        store.incidents().save(i);
        assertThat(store.incidents().find("inc-1").orElseThrow().timeline()).isEqualTo(i.timeline());
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
    void theAuditChainSurvivesARestartIntact() {
        Instant[] now = {T0};
        AuditJournal journal = new AuditJournal(() -> now[0]);
        for (int n = 0; n < 20; n++) {
            now[0] = now[0].plusNanos(1_234_567);
            store.audit().append(journal.append("pilot-7 (pilot)", "command ARM", "drone-" + (n % 3), "n=" + n, "ACCEPTED"));
        }

        List<AuditEntry> loaded = restart().audit().loadAll();

        assertThat(loaded).isEqualTo(journal.entries());
        assertThat(AuditJournal.firstBroken(loaded)).isEmpty();
    }

    @Test
    void anAuditEntryIsStoredOnce() {
        AuditEntry e = new AuditJournal(() -> T0).append("system", "boot", "", "", "OK");
        store.audit().append(e);
        assertThatThrownBy(() -> store.audit().append(e)).isInstanceOf(StoreException.class);
        assertThat(store.audit().loadAll()).containsExactly(e);
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
    void aRepeatedPositionSampleIsIgnored() {
        store.positions().append("drone-1", T0, 53.0, -1.0, 100);
        store.positions().append("drone-1", T0, 54.0, -2.0, 200);
        assertThat(store.positions().replay("drone-1", T0, T0.plusSeconds(1)))
                .containsExactly(new PositionSample("drone-1", T0, 53.0, -1.0, 100));
    }
}
