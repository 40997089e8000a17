package org.skyfleet.fleet.fusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A person walking at 0.5 m/s, seen by a drone every 8-12 s with 15 m noise, for an hour. */
class TrackerWalkerTest {
    private static final double SPEED_MPS = 0.5;
    private static final double NOISE_SIGMA_M = 15;

    @Test
    void oneConfirmedTrackMoreAccurateThanTheSightings() {
        Random rnd = new Random(42);
        Tracker tracker = FusionFixtures.tracker();
        double east = 0;
        double north = 0;
        double headingRad = 0;
        double nextSightingS = 0;
        int n = 0;
        List<Double> rawErrorsM = new ArrayList<>();
        List<Double> trackErrorsM = new ArrayList<>();
        Set<String> confirmedIds = new HashSet<>();
        for (int tS = 0; tS <= 3_600; tS++) {
            headingRad += rnd.nextGaussian() * 0.1; // heading diffuses 0.1 rad/√s
            east += SPEED_MPS * Math.sin(headingRad);
            north += SPEED_MPS * Math.cos(headingRad);
            if (tS < nextSightingS) {
                continue;
            }
            nextSightingS += 8 + rnd.nextInt(5);
            double zE = east + rnd.nextGaussian() * NOISE_SIGMA_M;
            double zN = north + rnd.nextGaussian() * NOISE_SIGMA_M;
            List<TrackUpdate> updates = tracker.process(
                    FusionFixtures.drone("s" + n, tS, zE, zN, NOISE_SIGMA_M, TargetClass.PERSON));
            n++;
            for (TrackUpdate u : updates) {
                if (u.track().state() == TrackState.CONFIRMED && u.kind() != TrackUpdate.Kind.DROPPED) {
                    confirmedIds.add(u.track().id());
                    if (n > 10) { // after convergence
                        double[] p = FusionFixtures.local(u.track());
                        trackErrorsM.add(Math.hypot(p[0] - east, p[1] - north));
                        rawErrorsM.add(Math.hypot(zE - east, zN - north));
                    }
                }
            }
        }
        assertThat(confirmedIds).hasSize(1);
        assertThat(tracker.tracks()).filteredOn(t -> t.state() == TrackState.CONFIRMED).hasSize(1);
        assertThat(rawErrorsM.size()).as("sightings fused into the confirmed track").isGreaterThan(n - 20);
        double raw = mean(rawErrorsM);
        double fused = mean(trackErrorsM);
        System.out.printf("walker: %d sightings, raw mean error %.1f m, track mean error %.1f m%n", n, raw, fused);
        // With σa = 0.3 m/s² and a sighting every 10 s the filter can average only a few sightings
        // (tracking index σa T² / σ = 2): about a quarter better than one sighting, not more.
        assertThat(fused).isLessThan(0.8 * raw);
    }

    private static double mean(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
