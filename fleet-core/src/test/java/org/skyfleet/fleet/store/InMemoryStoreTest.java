package org.skyfleet.fleet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skyfleet.fleet.store.StoreFixtures.T0;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fake keeps the same contract; its "restart" hands the same instance back. */
class InMemoryStoreTest extends StoreContractTest {
    private final InMemoryStore data = new InMemoryStore();

    @Override
    protected Store openStore() {
        return data;
    }

    @Test
    void memoryKeepsTheLastHourOfPositionsPerVehicle() {
        for (int minute = 0; minute <= 120; minute++) {
            data.positions().append("drone-1", T0.plusSeconds(60L * minute), 53.0, -1.0, 100);
        }
        data.positions().append("drone-2", T0, 53.0, -1.0, 100);

        List<PositionSample> kept = data.positions().replay("drone-1", Instant.MIN, Instant.MAX);
        assertThat(kept).hasSize(61);
        assertThat(kept.get(0).time()).isEqualTo(T0.plusSeconds(3600));
        assertThat(data.positions().replay("drone-2", Instant.MIN, Instant.MAX)).hasSize(1);
    }
}
