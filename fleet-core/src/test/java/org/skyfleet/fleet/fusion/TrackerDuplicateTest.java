package org.skyfleet.fleet.fusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two drones seeing one man: the regression of issue 22's dementia run, where each drone confirmed its own track on
 * him and an officer was sent to each. Drone 2 places him 12 m east of where drone 1 does (its height above the
 * hillside is off, so its camera's projection is too), well outside drone 1's gate for a man seen a second ago: the
 * fusion starts a second track and drone 2 confirms it. Once drone 1 has flown on, its piece is no longer updated and
 * its uncertainty grows over the man's reach; drone 2's next sighting finds them the same target, and they merge.
 */
class TrackerDuplicateTest {
    private static final double SIGMA_M = 2;
    private static final double BIAS_EAST_M = 12;

    private static Sighting seen(String drone, int n, double tS, double eastM) {
        return FusionFixtures.at(drone + "-" + n, SourceKind.DRONE, drone, tS, eastM, 0, SIGMA_M, TargetClass.PERSON, 0.8);
    }

    @Test
    void twoDronesConfirmingTheirOwnPieceOfOneManEndWithOneConfirmedTrack() {
        Tracker tracker = FusionFixtures.tracker();
        List<TrackUpdate> updates = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            updates.addAll(tracker.process(seen("drone-1", i, 2 * i, 0)));
        }
        String first = updates.get(0).track().id();
        assertThat(tracker.track(first).orElseThrow().state()).isEqualTo(TrackState.CONFIRMED);
        // drone 2 a second later, its projection 12 m off: outside the gate, a second track, which it confirms
        updates.clear();
        for (int i = 0; i < 3; i++) {
            updates.addAll(tracker.process(seen("drone-2", i, 7 + 2 * i, BIAS_EAST_M)));
        }
        assertThat(updates.get(0).kind()).as("the split").isEqualTo(TrackUpdate.Kind.CREATED);
        assertThat(tracker.tracks()).as("two confirmed pieces while both are fresh and apart")
                .hasSize(2).allMatch(t -> t.state() == TrackState.CONFIRMED);

        // drone 1 has flown on; 40 s later drone 2 sees him again: one target
        updates.clear();
        updates.addAll(tracker.process(seen("drone-2", 3, 51, BIAS_EAST_M)));
        assertThat(tracker.tracks()).hasSize(1);
        Track merged = tracker.tracks().get(0);
        assertThat(merged.id()).as("the older confirmed piece survives").isEqualTo(first);
        assertThat(merged.state()).isEqualTo(TrackState.CONFIRMED);
        assertThat(merged.sightingIds()).contains("drone-1-0", "drone-2-0", "drone-2-3");
        assertThat(updates).extracting(TrackUpdate::kind).contains(TrackUpdate.Kind.DROPPED);
        assertThat(updates.get(updates.size() - 1).track().id()).isEqualTo(first);
        assertThat(FusionFixtures.local(merged)[0]).as("where drone 2, the fresh one, sees him").isBetween(6.0, BIAS_EAST_M + 1);
    }

    @Test
    void twoPeopleFarApartStayTwoTracks() {
        Tracker tracker = FusionFixtures.tracker();
        for (int i = 0; i < 4; i++) {
            tracker.process(seen("drone-1", i, 2 * i, 0));
            tracker.process(FusionFixtures.at("drone-2-" + i, SourceKind.DRONE, "drone-2", 2 * i, 0, 400, SIGMA_M, TargetClass.PERSON, 0.8));
        }
        tracker.process(FusionFixtures.at("drone-2-9", SourceKind.DRONE, "drone-2", 60, 0, 400, SIGMA_M, TargetClass.PERSON, 0.8));
        assertThat(tracker.tracks()).hasSize(2);
    }
}
