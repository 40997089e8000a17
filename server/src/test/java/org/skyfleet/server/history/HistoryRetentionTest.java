package org.skyfleet.server.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.store.InMemoryStore;
import org.skyfleet.fleet.store.PositionHistoryStore;
import org.skyfleet.fleet.store.PositionSample;
import org.skyfleet.fleet.store.StoreException;

class HistoryRetentionTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void forgetsWhatIsOlderThanTheRetentionAndKeepsWhatIsJustInside() {
        AtomicReference<Instant> now = new AtomicReference<>(NOW);
        PositionHistoryStore history = new InMemoryStore().positions();
        history.append("drone-1", NOW.minus(Duration.ofMinutes(31)), 30, 122, 50);
        history.append("drone-1", NOW.minus(Duration.ofMinutes(30)), 30, 122, 50);
        history.append("drone-1", NOW.minus(Duration.ofMinutes(29)), 30, 122, 50);
        history.append("unit:car-1", NOW.minus(Duration.ofMinutes(45)), 30, 122, 0);
        HistoryRetention retention = new HistoryRetention(history, Duration.ofMinutes(30), now::get);

        assertThat(retention.prune()).isEqualTo(2);
        assertThat(history.replay("drone-1", Instant.MIN, Instant.MAX)).extracting(PositionSample::time)
                .containsExactly(NOW.minus(Duration.ofMinutes(30)), NOW.minus(Duration.ofMinutes(29)));
        assertThat(history.replay("unit:car-1", Instant.MIN, Instant.MAX)).isEmpty();

        now.set(NOW.plus(Duration.ofMinutes(1))); // a minute on, the oldest kept falls out; the next is exactly at the cutoff
        assertThat(retention.prune()).isEqualTo(1);
        assertThat(history.replay("drone-1", Instant.MIN, Instant.MAX)).hasSize(1);
    }

    @Test
    void aStoreThatRefusesIsTriedAgainNextTimeAndANonPositiveRetentionIsRefused() {
        PositionHistoryStore refusing = new PositionHistoryStore() {
            @Override
            public void append(String vehicleId, Instant time, double latDeg, double lonDeg, double altAmslM) {
            }

            @Override
            public List<PositionSample> replay(String vehicleId, Instant from, Instant to) {
                return List.of();
            }

            @Override
            public long pruneBefore(Instant cutoff) {
                throw new StoreException("database away", null);
            }
        };
        assertThat(new HistoryRetention(refusing, Duration.ofDays(1), InstantSource.fixed(NOW)).prune()).isZero();
        assertThatThrownBy(() -> new HistoryRetention(refusing, Duration.ZERO, InstantSource.fixed(NOW)))
                .hasMessageContaining("retention must be > 0");
    }
}
