package org.skyfleet.fleet.battery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.audit.InMemoryAuditStore;
import org.skyfleet.fleet.control.Operator;

/** Packs met in vehicles' reports, their limits, an admin's clearance, and one serial in two aircraft. */
class BatteryPacksTest {
    private static final Operator ADMIN = new Operator("ada", Operator.Role.ADMIN);
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T10:00:00Z"));
    private final InstantSource clock = () -> now.get();
    private final InMemoryBatteryStore store = new InMemoryBatteryStore();
    private final BatteryPacks packs = new BatteryPacks(store, new AuditJournal(clock, new InMemoryAuditStore()), clock);

    private void later(long seconds) {
        now.set(now.get().plus(Duration.ofSeconds(seconds)));
    }

    @Test
    void aPackIsKnownByItsSerialAndGroundsItsDroneJustPastItsLimitsUntilClearedAndAgainWhenItAgesFurther() {
        packs.reported("drone-1", "SN-42", 300, 4100, 5000); // 300 cycles is the limit, not past it; fade 18 %
        assertThat(packs.packIn("drone-1")).map(BatteryPack::packId).contains("SN-42");
        assertThat(packs.refusal("drone-1")).isEmpty();

        later(60);
        packs.reported("drone-1", "SN-42", 301, 3990, 5000); // one cycle past, and 20.2 % fade
        assertThat(packs.refusal("drone-1")).hasValueSatisfying(why -> assertThat(why)
                .contains("301 cycles, past its limit of 300").contains("holds 3990 of its rated 5000 mAh (20 % fade"));
        assertThatThrownBy(() -> packs.clear("SN-41", ADMIN)).hasMessageContaining("'SN-41' does not exist");

        packs.clear("SN-42", ADMIN);
        assertThat(packs.refusal("drone-1")).isEmpty();
        later(60);
        packs.reported("drone-1", "SN-42", 311, 3990, 5000);
        assertThat(packs.refusal("drone-1")).isEmpty();          // within the cleared margin
        later(60);
        packs.reported("drone-1", "SN-42", 312, 3990, 5000);
        assertThat(packs.refusal("drone-1")).isPresent();        // aged past what was cleared
        assertThat(store.find("SN-42").orElseThrow().cycleCount()).isEqualTo(312);
    }

    @Test
    void oneSerialReportedByTwoVehiclesAtOnceGroundsBothUntilOneStopsAndIsNotMovedMeanwhile() {
        packs.reported("drone-1", "SN-7", 10, 5000, 5000);
        later(5);
        packs.reported("drone-2", "SN-7", 10, 5000, 5000);

        String conflict = "battery pack SN-7 is reported by drone-1 and drone-2 at once";
        assertThat(packs.refusal("drone-1")).hasValueSatisfying(w -> assertThat(w).startsWith(conflict));
        assertThat(packs.refusal("drone-2")).hasValueSatisfying(w -> assertThat(w).startsWith(conflict));
        assertThat(packs.packIn("drone-1")).isPresent();
        assertThat(packs.packIn("drone-2")).isEmpty();
        assertThatThrownBy(() -> packs.install("SN-7", "drone-3", ADMIN)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("battery pack SN-7 is in drone-1, which reported it 5 s ago");

        later(31); // drone-1 stopped reporting it: it was moved to drone-2
        packs.reported("drone-2", "SN-7", 10, 5000, 5000);
        assertThat(packs.refusal("drone-1")).isEmpty();
        assertThat(packs.refusal("drone-2")).isEmpty();
        assertThat(packs.packIn("drone-2")).map(BatteryPack::packId).contains("SN-7");
        assertThat(packs.packIn("drone-1")).isEmpty();
    }
}
