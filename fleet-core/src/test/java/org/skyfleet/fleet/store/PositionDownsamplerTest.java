package org.skyfleet.fleet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.skyfleet.fleet.store.StoreFixtures.T0;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PositionDownsamplerTest {
    private final PositionDownsampler sampler = PositionDownsampler.oneHertz(new InMemoryStore().positions());

    @Test
    void keepsASampleExactlyOneIntervalAfterTheLastKeptAndNotJustBefore() {
        assertThat(sampler.keep("d", T0)).isTrue();
        assertThat(sampler.keep("d", T0.plusMillis(999))).isFalse();
        assertThat(sampler.keep("d", T0.plusSeconds(1))).isTrue();
        assertThat(sampler.keep("d", T0.plusMillis(1999))).isFalse();
    }

    @Test
    void vehiclesAreSampledIndependentlyAndOldSamplesDropped() {
        assertThat(sampler.keep("a", T0)).isTrue();
        assertThat(sampler.keep("b", T0.plusMillis(10))).isTrue();
        assertThat(sampler.keep("a", T0.minusSeconds(5))).isFalse();
    }

    @Test
    void aZeroIntervalIsRefused() {
        assertThatThrownBy(() -> new PositionDownsampler(new InMemoryStore().positions(), Duration.ZERO))
                .hasMessageContaining("interval must be > 0");
    }
}
