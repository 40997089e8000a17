package org.skyfleet.fleet.fusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skyfleet.fleet.fusion.FusionFixtures.T0_MS;
import static org.skyfleet.fleet.fusion.FusionFixtures.drone;
import static org.skyfleet.fleet.fusion.TargetClass.OTHER;
import static org.skyfleet.fleet.fusion.TargetClass.PERSON;
import static org.skyfleet.fleet.fusion.TargetClass.VEHICLE;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrackerTest {
    private final Tracker tracker = FusionFixtures.tracker();

    /** Three sightings 10 s apart at the origin: a confirmed person track. */
    private Track confirmedPerson() {
        tracker.process(drone("p0", 0, 0, 0, 10, PERSON));
        tracker.process(drone("p1", 10, 2, 0, 10, PERSON));
        List<TrackUpdate> u = tracker.process(drone("p2", 20, 1, 1, 10, PERSON));
        assertThat(u).singleElement().extracting(TrackUpdate::kind).isEqualTo(TrackUpdate.Kind.CONFIRMED);
        return u.get(0).track();
    }

    @Test
    void firstSightingCreatesTentativeTrackThenThirdConfirms() {
        List<TrackUpdate> first = tracker.process(drone("p0", 0, 0, 0, 10, PERSON));
        assertThat(first).singleElement().satisfies(u -> {
            assertThat(u.kind()).isEqualTo(TrackUpdate.Kind.CREATED);
            assertThat(u.track().state()).isEqualTo(TrackState.TENTATIVE);
        });
        assertThat(tracker.process(drone("p1", 10, 2, 0, 10, PERSON)))
                .singleElement().extracting(TrackUpdate::kind).isEqualTo(TrackUpdate.Kind.UPDATED);
        Track t = tracker.process(drone("p2", 20, 1, 1, 10, PERSON)).get(0).track();
        assertThat(t.state()).isEqualTo(TrackState.CONFIRMED);
        assertThat(t.sightingIds()).containsExactly("p0", "p1", "p2");
        assertThat(t.firstUpdateMs()).isEqualTo(T0_MS);
        assertThat(t.lastUpdateMs()).isEqualTo(T0_MS + 20_000);
        assertThat(t.confidence()).isGreaterThan(0.5).isLessThan(1);
        assertThat(t.ellipse95().semiMajorM()).isPositive().isLessThan(2.45 * 10);
    }

    @Test
    void vehicleSightingDoesNotJoinPersonTrack() {
        Track person = confirmedPerson();
        List<TrackUpdate> vehicle = tracker.process(drone("v0", 25, 3, 0, 10, VEHICLE));
        assertThat(vehicle).singleElement().satisfies(u -> {
            assertThat(u.kind()).isEqualTo(TrackUpdate.Kind.CREATED);
            assertThat(u.track().id()).isNotEqualTo(person.id());
            assertThat(u.track().targetClass()).isEqualTo(VEHICLE);
        });
    }

    @Test
    void unknownSightingJoinsPersonTrack() {
        Track person = confirmedPerson();
        List<TrackUpdate> unknown = tracker.process(drone("o0", 30, 1, 0, 10, OTHER));
        assertThat(unknown).singleElement().satisfies(u -> {
            assertThat(u.track().id()).isEqualTo(person.id());
            assertThat(u.track().targetClass()).isEqualTo(PERSON);
        });
    }

    @Test
    void unknownTrackTakesTheClassOfItsFirstClassifiedSighting() {
        tracker.process(drone("o0", 0, 0, 0, 10, OTHER));
        Track t = tracker.process(drone("p0", 5, 3, 0, 10, PERSON)).get(0).track();
        assertThat(t.targetClass()).isEqualTo(PERSON);
        assertThat(t.sightingIds()).containsExactly("o0", "p0");
    }

    @Test
    void sightingOutsideTheGateStartsANewTrack() {
        confirmedPerson();
        assertThat(tracker.process(drone("far", 30, 300, 0, 10, PERSON)))
                .singleElement().extracting(TrackUpdate::kind).isEqualTo(TrackUpdate.Kind.CREATED);
        assertThat(tracker.tracks()).hasSize(2);
    }

    @Test
    void twoPeople200mApartKeepTheirOwnTracks() {
        Random rnd = new Random(3);
        for (int k = 0; k < 60; k++) {
            double tS = 10 * k;
            // Person a walks east along north = 0, person b walks west along north = 200.
            Sighting a = drone("a" + k, tS, 0.5 * tS + 12 * rnd.nextGaussian(), 12 * rnd.nextGaussian(), 12, PERSON);
            Sighting b = drone("b" + k, tS, 300 - 0.5 * tS + 12 * rnd.nextGaussian(), 200 + 12 * rnd.nextGaussian(),
                    12, PERSON);
            tracker.process(k % 2 == 0 ? List.of(a, b) : List.of(b, a));
        }
        List<Track> tracks = tracker.tracks();
        assertThat(tracks).hasSize(2).allMatch(t -> t.state() == TrackState.CONFIRMED);
        for (Track t : tracks) {
            char who = t.sightingIds().get(0).charAt(0);
            assertThat(t.sightingIds()).hasSize(60).allMatch(id -> id.charAt(0) == who);
            // At 590 s a is at (295, 0) and b at (5, 200).
            double[] p = FusionFixtures.local(t);
            assertThat(Math.hypot(p[0] - (who == 'a' ? 295 : 5), p[1] - (who == 'a' ? 0 : 200))).isLessThan(30);
        }
    }

    @Test
    void batchIsAssignedGloballyNotGreedily() {
        // Tracks at east 0 and east 30; in one scan, sightings at 16 and 45. Greedy nearest would give
        // 16 to the track at 30 (distance 14) and leave 45 to start a track; the global optimum pairs
        // 16 with 0 and 45 with 30.
        for (int k = 0; k < 3; k++) {
            tracker.process(List.of(drone("l" + k, 10 * k, 0, 0, 10, PERSON), drone("r" + k, 10 * k, 30, 0, 10, PERSON)));
        }
        assertThat(tracker.tracks()).hasSize(2);
        List<TrackUpdate> u = tracker.process(List.of(
                drone("x", 30, 16, 0, 10, PERSON), drone("y", 30, 45, 0, 10, PERSON)));
        assertThat(u).extracting(TrackUpdate::kind).containsOnly(TrackUpdate.Kind.UPDATED);
        assertThat(tracker.tracks()).extracting(t -> t.sightingIds().get(t.sightingIds().size() - 1))
                .containsExactly("x", "y");
    }

    @Test
    void twoDronesSeeingOnePersonAtOnceUpdateOneTrack() {
        confirmedPerson();
        List<TrackUpdate> u = tracker.process(List.of(
                FusionFixtures.at("d1", SourceKind.DRONE, "drone-1", 30, 2, 0, 10, PERSON, 0.8),
                FusionFixtures.at("d2", SourceKind.DRONE, "drone-2", 30, -2, 1, 10, PERSON, 0.8)));
        assertThat(u).extracting(TrackUpdate::kind).containsExactly(TrackUpdate.Kind.UPDATED, TrackUpdate.Kind.UPDATED);
        assertThat(tracker.tracks()).singleElement().satisfies(t -> assertThat(t.sightingIds()).contains("d1", "d2"));
    }

    @Test
    void confidentOfficerCountsDouble() {
        tracker.process(FusionFixtures.at("o", SourceKind.OFFICER, "pc-1", 0, 0, 0, 10, PERSON, 0.95));
        assertThat(tracker.process(drone("d", 10, 3, 0, 10, PERSON)))
                .singleElement().extracting(TrackUpdate::kind).isEqualTo(TrackUpdate.Kind.CONFIRMED);
    }

    @Test
    void citizenReportsAloneNeedSix() {
        List<TrackUpdate.Kind> kinds = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            kinds.add(tracker.process(FusionFixtures.at("c" + k, SourceKind.CITIZEN, "call-" + k, 10 * k, k, 0, 20,
                    PERSON, 0.7)).get(0).kind());
        }
        assertThat(kinds).containsExactly(TrackUpdate.Kind.CREATED, TrackUpdate.Kind.UPDATED, TrackUpdate.Kind.UPDATED,
                TrackUpdate.Kind.UPDATED, TrackUpdate.Kind.UPDATED, TrackUpdate.Kind.CONFIRMED);
    }

    @Test
    void incidentIdIsCarriedOntoTheTrack() {
        tracker.process(drone("p0", 0, 0, 0, 10, PERSON));
        Track t = tracker.process(drone("p1", 10, 0, 0, 10, PERSON).withIncident("INC-12")).get(0).track();
        assertThat(t.incidentId()).contains("INC-12");
    }

    @Test
    void staleTracksAreDroppedAfterATimeoutThatDependsOnState() {
        tracker.process(drone("t0", 0, 1_000, 0, 10, PERSON)); // tentative, alone
        Track confirmed = confirmedPerson(); // last update at 20 s
        assertThat(tracker.prune(T0_MS + 60_000)).isEmpty();
        List<TrackUpdate> dropped = tracker.prune(T0_MS + 60_001);
        assertThat(dropped).singleElement().satisfies(u -> {
            assertThat(u.kind()).isEqualTo(TrackUpdate.Kind.DROPPED);
            assertThat(u.track().state()).isEqualTo(TrackState.DROPPED);
            assertThat(u.track().sightingIds()).containsExactly("t0");
        });
        assertThat(tracker.prune(T0_MS + 20_000 + 600_000)).isEmpty();
        assertThat(tracker.prune(T0_MS + 20_000 + 600_001)).singleElement()
                .satisfies(u -> assertThat(u.track().id()).isEqualTo(confirmed.id()));
        assertThat(tracker.tracks()).isEmpty();
    }

    @Test
    void processingDropsTracksStaleAtTheSightingTime() {
        tracker.process(drone("t0", 0, 0, 0, 10, PERSON));
        List<TrackUpdate> u = tracker.process(drone("t1", 61, 0, 0, 10, PERSON));
        assertThat(u).extracting(TrackUpdate::kind).containsExactly(TrackUpdate.Kind.DROPPED, TrackUpdate.Kind.CREATED);
    }

    @Test
    void lateSightingWithinToleranceUpdatesWithoutMovingTheTrackBack() {
        confirmedPerson(); // last update at 20 s
        Track t = tracker.process(drone("late", 16, 1, 0, 10, PERSON)).get(0).track();
        assertThat(t.sightingIds()).endsWith("late");
        assertThat(t.lastUpdateMs()).isEqualTo(T0_MS + 20_000);
        tracker.stateCovariance(t.id()).ifPresent(TrackFilterPropertiesTest::assertSymmetricPositiveDefinite);
    }

    @Test
    void sightingLaterThanToleranceIsDroppedAndCounted() {
        confirmedPerson(); // newest sighting at 20 s; tolerance 5 s
        assertThat(tracker.process(drone("too-late", 14.999, 1, 0, 10, PERSON))).isEmpty();
        assertThat(tracker.lateDroppedCount()).isEqualTo(1);
        assertThat(tracker.process(drone("just-in-time", 15, 1, 0, 10, PERSON))).hasSize(1);
    }

    @Test
    void covarianceStaysPositiveDefiniteOverAnHourOfUpdates() {
        Random rnd = new Random(11);
        for (int k = 0; k < 360; k++) {
            tracker.process(drone("s" + k, 10 * k, rnd.nextGaussian() * 20, rnd.nextGaussian() * 20,
                    5 + rnd.nextDouble() * 40, PERSON));
            for (Track t : tracker.tracks()) {
                tracker.stateCovariance(t.id()).ifPresent(TrackFilterPropertiesTest::assertSymmetricPositiveDefinite);
            }
        }
    }
}
