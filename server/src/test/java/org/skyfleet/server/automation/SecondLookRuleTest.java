package org.skyfleet.server.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.fusion.Sighting;
import org.skyfleet.fleet.fusion.SourceKind;
import org.skyfleet.fleet.fusion.TargetClass;
import org.skyfleet.fleet.fusion.TrackState;
import org.skyfleet.fleet.fusion.TrackUpdate;
import org.skyfleet.fleet.fusion.Tracker;
import org.skyfleet.server.sighting.TrackerTuning;

/** {@link SecondLookRule} on the search tracker's own updates. */
class SecondLookRuleTest {
    private static final long T0 = 1_800_000_000_000L;
    private final Tracker tracker = new Tracker(TrackerTuning.forSearches());
    private final Map<String, Sighting> sightings = new HashMap<>();
    private int seq;

    @Test
    void aDronesSecondHitInOnePassAsksItForALookAndTheThirdConfirmsWithoutOne() {
        assertThat(hit(SourceKind.DRONE, "drone-1", 0, TargetClass.PERSON)).isEmpty();
        assertThat(hit(SourceKind.DRONE, "drone-1", 1_000, TargetClass.PERSON)).contains("drone-1");
        List<TrackUpdate> third = process(SourceKind.DRONE, "drone-1", 2_000, TargetClass.PERSON);
        assertThat(third).anyMatch(u -> u.track().state() == TrackState.CONFIRMED);
        assertThat(third.stream().map(this::looker).flatMap(Optional::stream)).isEmpty();
    }

    @Test
    void twoDronesOneHitEachAskNobody() {
        hit(SourceKind.DRONE, "drone-1", 0, TargetClass.PERSON);
        assertThat(hit(SourceKind.DRONE, "drone-2", 1_000, TargetClass.PERSON)).isEmpty();
    }

    @Test
    void hitsFartherApartThanTheBurstAskNobody() {
        hit(SourceKind.DRONE, "drone-1", 0, TargetClass.PERSON);
        assertThat(hit(SourceKind.DRONE, "drone-1", Tracker.CAMERA_BURST_MS + 1_000, TargetClass.PERSON)).isEmpty();
    }

    @Test
    void anOfficersReportOrANonPersonTrackAsksNobody() {
        hit(SourceKind.DRONE, "drone-1", 0, TargetClass.PERSON);
        assertThat(hit(SourceKind.OFFICER, "officer-1", 1_000, TargetClass.PERSON)).isEmpty();
        Tracker other = new Tracker(TrackerTuning.forSearches());
        List<TrackUpdate> updates = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Sighting s = Sighting.of("v-" + i, SourceKind.DRONE, "drone-1", T0 + i * 1_000L, 30.0, 122.3, 3, TargetClass.VEHICLE, 0.6);
            sightings.put(s.id(), s);
            updates.addAll(other.process(s));
        }
        assertThat(updates.stream().map(this::looker).flatMap(Optional::stream)).isEmpty();
    }

    private Optional<String> hit(SourceKind kind, String source, long atMs, TargetClass target) {
        return process(kind, source, atMs, target).stream().map(this::looker).flatMap(Optional::stream).findFirst();
    }

    private List<TrackUpdate> process(SourceKind kind, String source, long atMs, TargetClass target) {
        Sighting s = Sighting.of("s-" + (++seq), kind, source, T0 + atMs, 29.9800, 122.2070, 3, target,
                kind == SourceKind.OFFICER ? 0.5 : 0.6);
        sightings.put(s.id(), s);
        return tracker.process(s);
    }

    private Optional<String> looker(TrackUpdate u) {
        return SecondLookRule.lookingDrone(u, id -> Optional.ofNullable(sightings.get(id)));
    }
}
