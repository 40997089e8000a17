package org.skyfleet.fleet.fusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Detector false positives, uniform over a 2 km square at 1 per minute, with no target present. */
class TrackerFalseAlarmTest {
    private static final int HOURS = 10;

    /** Vehicle tracks gate far wider (σa 2.5 m/s²), so they are the harder case. */
    @ParameterizedTest
    @EnumSource(value = TargetClass.class, names = {"PERSON", "VEHICLE"})
    void falsePositivesConfirmAtMostOneTrackPerHour(TargetClass cls) {
        Random rnd = new Random(7);
        Tracker tracker = FusionFixtures.tracker();
        Set<String> confirmed = new HashSet<>();
        double tS = 0;
        int n = 0;
        while (tS < HOURS * 3_600) {
            tS += -60 * Math.log(1 - rnd.nextDouble()); // Poisson arrivals, mean gap 60 s
            Sighting s = FusionFixtures.at("fp" + n++, SourceKind.DRONE, "drone-1", tS, rnd.nextDouble() * 2_000,
                    rnd.nextDouble() * 2_000, 15, cls, 0.3 + 0.6 * rnd.nextDouble());
            tracker.process(s).stream().filter(u -> u.kind() == TrackUpdate.Kind.CONFIRMED)
                    .forEach(u -> confirmed.add(u.track().id()));
        }
        System.out.printf("false alarms, %s: %d sightings in %d h, %d confirmed tracks%n", cls, n, HOURS,
                confirmed.size());
        assertThat(confirmed.size()).isLessThanOrEqualTo(HOURS);
    }
}
