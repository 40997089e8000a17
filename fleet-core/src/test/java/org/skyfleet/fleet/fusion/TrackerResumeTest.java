package org.skyfleet.fleet.fusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skyfleet.fleet.fusion.FusionFixtures.drone;
import static org.skyfleet.fleet.fusion.TargetClass.PERSON;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A tracker restarted from saved snapshots carries on: same ids, same states, no id used twice. */
class TrackerResumeTest {

    @Test
    void aConfirmedTrackContinuesUnderItsIdAndNewTracksAreNumberedAfterEveryStoredOne() {
        Tracker before = FusionFixtures.tracker();
        before.process(drone("p0", 0, 0, 0, 10, PERSON));
        before.process(drone("p1", 10, 2, 0, 10, PERSON));
        Track saved = before.process(drone("p2", 20, 1, 1, 10, PERSON)).get(0).track();
        assertThat(saved.state()).isEqualTo(TrackState.CONFIRMED);

        Tracker after = FusionFixtures.tracker();
        after.resume(List.of(saved), 41);

        assertThat(after.tracks()).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo(saved.id());
            assertThat(t.state()).isEqualTo(TrackState.CONFIRMED);
            assertThat(t.latDeg()).isCloseTo(saved.latDeg(), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(t.sightingIds()).containsExactly("p0", "p1", "p2");
        });
        List<TrackUpdate> next = after.process(drone("p3", 30, 2, 1, 10, PERSON));
        assertThat(next).singleElement().satisfies(u -> {
            assertThat(u.kind()).isEqualTo(TrackUpdate.Kind.UPDATED);
            assertThat(u.track().id()).isEqualTo(saved.id());
            assertThat(u.track().sightingIds()).endsWith("p3");
        });
        List<TrackUpdate> far = after.process(drone("q0", 31, 5_000, 5_000, 10, PERSON));
        assertThat(far).singleElement().satisfies(u -> assertThat(u.track().id()).isEqualTo("trk-42"));
    }

    @Test
    void aResumedTrackThatHearsNothingMoreIsDroppedOnItsUsualTimeout() {
        Tracker before = FusionFixtures.tracker();
        Track tentative = before.process(drone("p0", 0, 0, 0, 10, PERSON)).get(0).track();
        Tracker after = FusionFixtures.tracker();
        after.resume(List.of(tentative), 1);

        List<TrackUpdate> pruned = after.prune(tentative.lastUpdateMs() + 3_600_000);

        assertThat(pruned).singleElement().satisfies(u -> {
            assertThat(u.kind()).isEqualTo(TrackUpdate.Kind.DROPPED);
            assertThat(u.track().id()).isEqualTo(tentative.id());
        });
    }
}
