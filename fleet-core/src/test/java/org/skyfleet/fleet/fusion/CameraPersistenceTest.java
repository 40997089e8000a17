package org.skyfleet.fleet.fusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A camera's hits confirm a track only when the camera saw it three times in one pass. */
class CameraPersistenceTest {
    private static final double LAT = 53.39;
    private static final double LON = -1.86;

    private static boolean confirmedAfter(long... timesMs) {
        Tracker tracker = new Tracker();
        boolean confirmed = false;
        int n = 0;
        for (long t : timesMs) {
            List<TrackUpdate> u = tracker.process(Sighting.of("s" + n++, SourceKind.DRONE, "d1", t, LAT, LON, 3,
                    TargetClass.PERSON, 0.4));
            confirmed |= u.stream().anyMatch(x -> x.kind() == TrackUpdate.Kind.CONFIRMED);
        }
        return confirmed;
    }

    @Test
    void singleHitsHalfAMinuteApartDoNotConfirmButAPassThatSeesThreeTimesDoes() {
        assertThat(confirmedAfter(0, 30_000, 60_000, 85_000)).isFalse();
        // two in one pass, then single hits: a false alarm twice within seconds, then stray ones (regression)
        assertThat(confirmedAfter(0, 1_000, 40_000, 70_000)).isFalse();
        assertThat(confirmedAfter(0, 1_000, 2_000)).isTrue();
        // three in a pass still counts after earlier single hits
        assertThat(confirmedAfter(0, 40_000, 41_000, 43_000)).isTrue();
    }

    /**
     * Regression (false confirmed tracks in the search benchmark): drones of one search share a pad and transits, and
     * their single false alarms fell within seconds of each other; two cameras' single hits are no burst.
     */
    @Test
    void singleHitsOfTwoDronesSecondsApartAreNoBurstButOneDroneSeeingThreeTimesIs() {
        Tracker tracker = new Tracker();
        List<TrackUpdate> u = new java.util.ArrayList<>();
        String[] drones = {"d1", "d2", "d3", "d2"};
        long[] times = {0, 4_000, 30_000, 60_000};
        for (int i = 0; i < drones.length; i++) {
            u.addAll(tracker.process(Sighting.of("x" + i, SourceKind.DRONE, drones[i], times[i], LAT, LON, 3, TargetClass.PERSON, 0.4)));
        }
        assertThat(u).noneMatch(x -> x.kind() == TrackUpdate.Kind.CONFIRMED);
        u.addAll(tracker.process(Sighting.of("x4", SourceKind.DRONE, "d2", 61_000, LAT, LON, 3, TargetClass.PERSON, 0.4)));
        assertThat(u).as("d2 twice in a pass is not yet a burst").noneMatch(x -> x.kind() == TrackUpdate.Kind.CONFIRMED);
        u.addAll(tracker.process(Sighting.of("x5", SourceKind.DRONE, "d2", 62_000, LAT, LON, 3, TargetClass.PERSON, 0.4)));
        assertThat(u).anyMatch(x -> x.kind() == TrackUpdate.Kind.CONFIRMED);
    }

    @Test
    void anOfficersReportNeedsNoBurst() {
        Tracker tracker = new Tracker();
        tracker.process(Sighting.of("d1", SourceKind.DRONE, "d1", 0, LAT, LON, 3, TargetClass.PERSON, 0.4));
        List<TrackUpdate> u = tracker.process(Sighting.of("o1", SourceKind.OFFICER, "officer-1", 30_000, LAT, LON, 5,
                TargetClass.PERSON, 0.95));
        assertThat(u).anyMatch(x -> x.kind() == TrackUpdate.Kind.CONFIRMED);
    }
}
