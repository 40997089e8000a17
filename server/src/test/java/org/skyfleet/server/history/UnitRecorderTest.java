package org.skyfleet.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.dispatch.UnitRoster;
import org.skyfleet.fleet.dispatch.UnitStatus;
import org.skyfleet.fleet.dispatch.UnitType;
import org.skyfleet.fleet.store.InMemoryStore;
import org.skyfleet.fleet.store.PositionHistoryStore;
import org.skyfleet.fleet.store.PositionSample;
import org.skyfleet.planner.geo.GeoPoint;

class UnitRecorderTest {
    private static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void eachReportIsWrittenOnceUnderTheUnitsKeyAndNothingWithoutARoster() {
        UnitRoster roster = new UnitRoster(InstantSource.fixed(T0));
        PositionHistoryStore history = new InMemoryStore().positions();
        UnitRecorder recorder = new UnitRecorder(() -> Optional.of(roster), history);
        assertThat(recorder.record()).isZero();

        roster.report("car-1", UnitType.PATROL_CAR, "Car 1", new GeoPoint(29.98, 122.20), 5, UnitStatus.AVAILABLE, T0);
        roster.report("officer-2", UnitType.OFFICER_ON_FOOT, null, new GeoPoint(29.99, 122.21), 8, UnitStatus.BUSY, T0);
        assertThat(recorder.record()).isEqualTo(2);
        assertThat(recorder.record()).as("nothing new reported").isZero();
        roster.report("car-1", UnitType.PATROL_CAR, "Car 1", new GeoPoint(29.981, 122.201), 5, UnitStatus.AVAILABLE, T0.plusSeconds(3));
        assertThat(recorder.record()).isEqualTo(1);

        assertThat(history.replay("unit:car-1", Instant.MIN, Instant.MAX)).containsExactly(
                new PositionSample("unit:car-1", T0, 29.98, 122.20, 0),
                new PositionSample("unit:car-1", T0.plusSeconds(3), 29.981, 122.201, 0));
        assertThat(history.replay("car-1", Instant.MIN, Instant.MAX)).as("not mistaken for a vehicle").isEmpty();
        assertThat(new UnitRecorder(Optional::empty, history).record()).isZero();
    }
}
