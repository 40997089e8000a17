package org.skyfleet.fleet.geofence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ZoneScheduleTest {
    // 2026-11-27 is a Friday; London is on UTC in November.
    private static final ZoneSchedule FRIDAY_EVENING = new ZoneSchedule.Weekly(
            Set.of(DayOfWeek.FRIDAY), LocalTime.of(18, 0), LocalTime.of(23, 0), "Europe/London");
    private static final ZoneSchedule FRIDAY_NIGHT = new ZoneSchedule.Weekly(
            Set.of(DayOfWeek.FRIDAY), LocalTime.of(22, 0), LocalTime.of(2, 0), "Europe/London");

    @Test
    void windowIncludesItsStartAndExcludesItsEnd() {
        assertThat(FRIDAY_EVENING.isActiveAt(Instant.parse("2026-11-27T17:59:59Z"))).isFalse();
        assertThat(FRIDAY_EVENING.isActiveAt(Instant.parse("2026-11-27T18:00:00Z"))).isTrue();
        assertThat(FRIDAY_EVENING.isActiveAt(Instant.parse("2026-11-27T22:59:59Z"))).isTrue();
        assertThat(FRIDAY_EVENING.isActiveAt(Instant.parse("2026-11-27T23:00:00Z"))).isFalse();
        assertThat(FRIDAY_EVENING.isActiveAt(Instant.parse("2026-11-28T19:00:00Z"))).isFalse();
    }

    @Test
    void windowIsReadInTheZonesLocalTime() {
        ZoneSchedule paris = new ZoneSchedule.Weekly(
                Set.of(DayOfWeek.FRIDAY), LocalTime.of(18, 0), LocalTime.of(23, 0), "Europe/Paris");
        assertThat(paris.isActiveAt(Instant.parse("2026-11-27T16:59:59Z"))).isFalse();
        assertThat(paris.isActiveAt(Instant.parse("2026-11-27T17:00:00Z"))).isTrue();
    }

    @Test
    void windowOverMidnightBelongsToTheDayItStarts() {
        assertThat(FRIDAY_NIGHT.isActiveAt(Instant.parse("2026-11-27T21:59:59Z"))).isFalse();
        assertThat(FRIDAY_NIGHT.isActiveAt(Instant.parse("2026-11-27T22:00:00Z"))).isTrue();
        assertThat(FRIDAY_NIGHT.isActiveAt(Instant.parse("2026-11-28T01:59:59Z"))).isTrue();
        assertThat(FRIDAY_NIGHT.isActiveAt(Instant.parse("2026-11-28T02:00:00Z"))).isFalse();
        assertThat(FRIDAY_NIGHT.isActiveAt(Instant.parse("2026-11-27T01:00:00Z"))).isFalse();
    }

    @Test
    void absolutePeriodIncludesFromAndExcludesUntil() {
        Instant from = Instant.parse("2026-11-23T18:00:00Z");
        ZoneSchedule s = new ZoneSchedule.Between(from, from.plusSeconds(3600));
        assertThat(s.isActiveAt(from.minusMillis(1))).isFalse();
        assertThat(s.isActiveAt(from)).isTrue();
        assertThat(s.isActiveAt(from.plusSeconds(3600).minusMillis(1))).isTrue();
        assertThat(s.isActiveAt(from.plusSeconds(3600))).isFalse();
        assertThat(new ZoneSchedule.Between(null, from).isActiveAt(Instant.EPOCH)).isTrue();
    }

    @Test
    void emptyWindowAndUnknownTimeZoneAreNeverActive() {
        Instant t = Instant.parse("2026-11-27T18:00:00Z");
        assertThat(ZoneSchedule.Weekly.daily(LocalTime.of(18, 0), LocalTime.of(18, 0), "UTC").isActiveAt(t)).isFalse();
        assertThat(ZoneSchedule.Weekly.daily(LocalTime.of(17, 0), LocalTime.of(19, 0), "Nowhere/City").isActiveAt(t))
                .isFalse();
    }
}
