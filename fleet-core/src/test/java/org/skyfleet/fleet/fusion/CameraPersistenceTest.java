package org.skyfleet.fleet.fusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A camera's hits confirm a track only when the camera saw it twice in one look. */
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
    void singleHitsHalfAMinuteApartDoNotConfirmButALookThatSeesTwiceDoes() {
        assertThat(confirmedAfter(0, 30_000, 60_000, 85_000)).isFalse();
        assertThat(confirmedAfter(0, 1_000, 40_000)).isTrue();
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
