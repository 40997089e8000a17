package org.skyfleet.fleet.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.skyfleet.fleet.replay.TrackDecimator.Decimated;
import org.skyfleet.fleet.store.PositionSample;

/** For any wandering track, tolerance and budget: ends kept, budget respected, every dropped sample within the stated error. */
class TrackDecimatorPropertiesTest {
    private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");

    /** A vehicle wandering at up to 20 m/s from Zhoushan, one sample every 1-3 s (sometimes two at one time). */
    static List<PositionSample> wander(long seed, int n) {
        Random r = new Random(seed);
        List<PositionSample> out = new ArrayList<>();
        double lat = 29.985;
        double lon = 122.207;
        double headingRad = r.nextDouble() * 2 * Math.PI;
        long ms = 0;
        for (int i = 0; i < n; i++) {
            out.add(new PositionSample("d", T0.plusMillis(ms), lat, lon, 50 + r.nextDouble()));
            long stepMs = r.nextInt(20) == 0 ? 0 : 1000 + r.nextInt(2000);
            headingRad += r.nextGaussian() * 0.6;
            double metres = r.nextDouble() * 20 * stepMs / 1000.0;
            lat += metres * Math.cos(headingRad) / 111_195.0;
            lon += metres * Math.sin(headingRad) / (111_195.0 * Math.cos(Math.toRadians(lat)));
            ms += stepMs;
        }
        return out;
    }

    @Property(tries = 200)
    void endsKeptBudgetRespectedAndEveryDroppedSampleWithinTheStatedError(
            @ForAll long seed, @ForAll @IntRange(min = 0, max = 600) int n,
            @ForAll @DoubleRange(min = 0, max = 200) double toleranceM, @ForAll @IntRange(min = 2, max = 400) int budget) {
        List<PositionSample> track = wander(seed, n);
        Decimated d = TrackDecimator.decimate(track, toleranceM, budget);
        List<PositionSample> kept = d.points();

        assertThat(kept.size()).isLessThanOrEqualTo(Math.max(budget, Math.min(n, 2)));
        if (n > 0) {
            assertThat(kept.get(0)).isEqualTo(track.get(0));
            assertThat(kept.get(kept.size() - 1)).isEqualTo(track.get(n - 1));
        }
        // a subsequence, and each dropped sample is within the stated error of the leg that now spans it
        int k = 0;
        double worstM = 0;
        for (int i = 0; i < n; i++) {
            if (track.get(i) == kept.get(k)) {
                k++;
                continue;
            }
            double e = TrackDecimator.synchronisedDistanceM(kept.get(k - 1), kept.get(k), track.get(i));
            worstM = Math.max(worstM, e);
        }
        assertThat(k).as("every kept point is an input sample, in order").isEqualTo(kept.size());
        // measured here in a frame around each leg's start, there around the track's first sample: the two
        // equirectangular frames differ by the cosine of a few kilometres of latitude, well under 0.5 %
        assertThat(worstM).isLessThanOrEqualTo(d.maxErrorM() * 1.005 + 1e-3);
        if (kept.size() < budget) {
            assertThat(d.maxErrorM()).as("budget left over, so the tolerance was met").isLessThanOrEqualTo(toleranceM);
        }
    }

    @Property(tries = 100)
    void sharesNeverExceedTheTotalAndGiveEveryTrackItsEnds(
            @ForAll @IntRange(min = 0, max = 30) int tracks, @ForAll long seed, @ForAll @IntRange(min = 0, max = 50_000) int total) {
        Random r = new Random(seed);
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < tracks; i++) {
            counts.add(r.nextInt(30_000));
        }
        int[] share = PointBudget.share(total, counts);
        int sum = 0;
        for (int s : share) {
            assertThat(s).isGreaterThanOrEqualTo(2);
            sum += s;
        }
        if (total >= 2 * tracks) {
            assertThat(sum).isLessThanOrEqualTo(total);
        }
    }
}
