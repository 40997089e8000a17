package org.skyfleet.fleet.fusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Sightings that arrive late (each stamped a minute before it is received: a delayed link, an officer reporting what
 * he saw a minute ago) belong to the track they continue. The feed prunes on its own clock; a track must not look
 * stale to it just because its sightings' own times are old, or each late sighting finds its track pruned and starts a
 * fresh piece (trk-1, trk-2, ...), and a tentative one never confirms.
 */
class TrackerLateSightingTest {
    private static final long LATE_MS = 70_000;

    @Test
    void aPersonReportedAMinuteLateIsOneTrackAndConfirms() {
        Tracker tracker = new Tracker(TrackerConfig.defaults().withOrigin(FusionFixtures.ORIGIN));
        Set<String> trackIds = new HashSet<>();
        List<TrackUpdate> updates = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            double tS = 2.0 * i;
            // walking north at 1.2 m/s, each sighting received LATE_MS after it was made
            Sighting s = FusionFixtures.drone("late-" + i, tS, 0, 1.2 * tS, 3, TargetClass.PERSON);
            long receivedMs = s.timeMs() + LATE_MS;
            updates.addAll(tracker.process(s, receivedMs));
            updates.addAll(tracker.prune(receivedMs + 500)); // the feed's timer, on the receiving clock
            tracker.tracks().forEach(t -> trackIds.add(t.id()));
        }
        assertThat(trackIds).as("one person, one track").hasSize(1);
        assertThat(updates).noneMatch(u -> u.kind() == TrackUpdate.Kind.DROPPED);
        assertThat(tracker.tracks()).singleElement().satisfies(t -> {
            assertThat(t.state()).isEqualTo(TrackState.CONFIRMED);
            assertThat(t.sightingIds()).hasSize(30);
        });
    }

    @Test
    void aTrackNobodyReportsAnyMoreIsStillPrunedOnTheReceivingClock() {
        Tracker tracker = new Tracker(TrackerConfig.defaults().withOrigin(FusionFixtures.ORIGIN));
        Sighting s = FusionFixtures.drone("once", 0, 0, 0, 3, TargetClass.PERSON);
        tracker.process(s, s.timeMs() + LATE_MS);
        assertThat(tracker.prune(s.timeMs() + LATE_MS + 30_000)).isEmpty();
        assertThat(tracker.prune(s.timeMs() + LATE_MS + TrackerConfig.defaults().tentativeTimeoutMs() + 1))
                .singleElement().satisfies(u -> assertThat(u.kind()).isEqualTo(TrackUpdate.Kind.DROPPED));
    }
}
