package org.skyfleet.fleet.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.store.PositionSample;

class TrackDecimatorTest {
    private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");
    private static final double DEG_PER_M = 1 / 111_195.0;

    private static PositionSample at(int s, double northM) {
        return new PositionSample("d", T0.plusSeconds(s), 30 + northM * DEG_PER_M, 122, 40);
    }

    @Test
    void aSteadyStraightLegThinsToItsEnds() {
        List<PositionSample> leg = new ArrayList<>();
        for (int s = 0; s <= 100; s++) {
            leg.add(at(s, 10.0 * s));
        }
        var d = TrackDecimator.decimate(leg, 1, 50);
        assertThat(d.points()).containsExactly(leg.get(0), leg.get(100));
        assertThat(d.maxErrorM()).isLessThan(1e-6);
    }

    @Test
    void aStopOnAStraightLineIsKeptBecauseTimeCounts() {
        // the vehicle waits 50 s half way: plain Douglas-Peucker would drop the wait, a replay must not
        List<PositionSample> leg = new ArrayList<>();
        for (int s = 0; s <= 100; s++) {
            leg.add(at(s, s < 25 ? 20.0 * s : s < 75 ? 500 : 500 + 20.0 * (s - 75)));
        }
        var d = TrackDecimator.decimate(leg, 5, 50);
        assertThat(d.points()).contains(leg.get(25), leg.get(75));
        assertThat(d.maxErrorM()).isLessThanOrEqualTo(5);
    }

    @Test
    void aTightBudgetWinsOverTheToleranceAndSaysHowFarOffItIs() {
        List<PositionSample> zigzag = new ArrayList<>();
        for (int s = 0; s <= 100; s++) {
            zigzag.add(new PositionSample("d", T0.plusSeconds(s), 30, 122 + (s % 2) * 100 * DEG_PER_M, 40));
        }
        var d = TrackDecimator.decimate(zigzag, 1, 10);
        assertThat(d.points()).hasSize(10);
        assertThat(d.maxErrorM()).isGreaterThan(1);
    }

    @Test
    void shortTracksComeBackAsTheyAreAndBadArgumentsAreNamed() {
        assertThat(TrackDecimator.decimate(List.of(), 1, 2).points()).isEmpty();
        assertThat(TrackDecimator.decimate(List.of(at(0, 0), at(1, 5)), 1, 2).points()).hasSize(2);
        assertThatThrownBy(() -> TrackDecimator.decimate(List.of(), 1, 1)).hasMessageContaining("budget must be >= 2");
        assertThatThrownBy(() -> TrackDecimator.decimate(List.of(at(1, 0), at(0, 0)), 1, 2)).hasMessageContaining("out of time order");
    }
}
