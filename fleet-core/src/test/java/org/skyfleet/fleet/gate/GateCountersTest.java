package org.skyfleet.fleet.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateCountersTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    // 08:00 in Ningbo
    private static final Instant T0 = Instant.parse("2026-12-07T00:00:00Z");
    private final GateCounters counters = new GateCounters(SHANGHAI, 3);

    private static GateCrossing c(String gate, SubjectKind kind, CrossingDirection d, Instant t) {
        return new GateCrossing(gate, kind, "s", d, t, 29.87, 121.61);
    }

    @Test
    void aCrossingCountsInTheLastHourUntilItIsAnHourOldAndNoLonger() {
        counters.record(c("g", SubjectKind.GROUND_UNIT, CrossingDirection.IN, T0));
        counters.record(c("g", SubjectKind.VESSEL, CrossingDirection.OUT, T0));
        assertThat(counters.tally("g", T0.plus(Duration.ofMinutes(60))).lastHour().get(SubjectKind.GROUND_UNIT))
                .isEqualTo(new GateTally.Counts(1, 0));
        GateTally later = counters.tally("g", T0.plus(Duration.ofMinutes(60)).plusSeconds(1));
        assertThat(later.lastHour()).isEmpty();
        assertThat(later.todayTotal()).isEqualTo(new GateTally.Counts(1, 1));
    }

    @Test
    void todayStartsAtMidnightInTheDeploymentsZoneNotUtc() {
        Instant beforeMidnightInNingbo = Instant.parse("2026-12-07T15:59:59Z"); // 23:59:59 local
        counters.record(c("g", SubjectKind.DRONE, CrossingDirection.IN, beforeMidnightInNingbo));
        assertThat(counters.tally("g", beforeMidnightInNingbo).todayTotal()).isEqualTo(new GateTally.Counts(1, 0));
        Instant afterMidnight = Instant.parse("2026-12-07T16:00:00Z"); // 00:00:00 local, still the 7th in UTC
        assertThat(counters.tally("g", afterMidnight).today()).isEmpty();
        assertThat(counters.tally("g", afterMidnight).lastHourTotal()).isEqualTo(new GateTally.Counts(1, 0));
        counters.record(c("g", SubjectKind.DRONE, CrossingDirection.OUT, afterMidnight));
        assertThat(counters.tally("g", afterMidnight).todayTotal()).isEqualTo(new GateTally.Counts(0, 1));
    }

    @Test
    void theLatestCrossingsAreKeptNewestFirstAndBounded() {
        for (int i = 0; i < 5; i++) {
            counters.record(c(i % 2 == 0 ? "a" : "b", SubjectKind.TRACK, CrossingDirection.IN, T0.plusSeconds(i)));
        }
        assertThat(counters.latest(null, 10)).extracting(x -> x.time().getEpochSecond() - T0.getEpochSecond())
                .containsExactly(4L, 3L, 2L);
        assertThat(counters.latest(List.of("a"), 10)).extracting(GateCrossing::gateId).containsExactly("a", "a");
        counters.retainGates(List.of("b"));
        assertThat(counters.tally("a", T0)).isEqualTo(new GateTally(java.util.Map.of(), java.util.Map.of()));
        assertThat(counters.latest(null, 10)).extracting(GateCrossing::gateId).containsExactly("b");
    }
}
