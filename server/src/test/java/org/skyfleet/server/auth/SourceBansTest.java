package org.skyfleet.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.testing.ManualClock;

class SourceBansTest {
    private final ManualClock clock = new ManualClock();
    private final SourceBans bans = new SourceBans(new SourceBans.Policy(10, 2.0, Duration.ofSeconds(30)), clock, null);

    @Test
    void aBurstBeyondTheAllowanceBansTheSourceAndClosesItsConnections() {
        AtomicInteger closed = new AtomicInteger();
        Runnable forget = bans.admit("10.0.0.9", closed::incrementAndGet);
        bans.admit("10.0.0.7", () -> closed.addAndGet(100)); // another address: untouched
        for (int i = 0; i < 10; i++) {
            assertThat(bans.refused("10.0.0.9")).isFalse();
        }
        assertThat(bans.refused("10.0.0.9")).as("the eleventh refusal at once").isTrue();
        assertThat(closed).hasValue(1);
        assertThat(bans.banned("10.0.0.9")).isTrue();
        assertThat(bans.banned("10.0.0.7")).isFalse();
        assertThat(bans.refused("10.0.0.9")).as("banned already: not banned again").isFalse();

        AtomicInteger turnedAway = new AtomicInteger();
        assertThat(bans.admit("10.0.0.9", turnedAway::incrementAndGet)).as("a new connection while banned").isNull();
        assertThat(turnedAway).hasValue(1);
        forget.run();

        clock.advance(Duration.ofSeconds(30));
        assertThat(bans.banned("10.0.0.9")).as("the ban has ended").isFalse();
        assertThat(bans.admit("10.0.0.9", turnedAway::incrementAndGet)).isNotNull();
        assertThat(turnedAway).hasValue(1);
    }

    @Test
    void refusalsAtTheRefillRateNeverBan() {
        for (int i = 0; i < 1_000; i++) {
            assertThat(bans.refused("10.0.0.9")).isFalse();
            clock.advance(Duration.ofMillis(500)); // 2 a second: exactly the refill
        }
    }

    @Test
    void aForgottenConnectionIsNotClosedByALaterBan() {
        AtomicInteger closed = new AtomicInteger();
        bans.admit("10.0.0.9", closed::incrementAndGet).run();
        for (int i = 0; i < 11; i++) {
            bans.refused("10.0.0.9");
        }
        assertThat(bans.banned("10.0.0.9")).isTrue();
        assertThat(closed).hasValue(0);
    }

    @Test
    void theTableStaysBoundedAndPrunesSourcesThatBehaved() {
        for (int i = 0; i < SourceBans.MAX_SOURCES + 500; i++) {
            bans.refused("10.1." + (i / 250) + "." + (i % 250));
        }
        assertThat(bans.trackedSources()).isEqualTo(SourceBans.MAX_SOURCES);
        for (int i = 0; i < 11; i++) {
            bans.refused("10.0.0.9"); // untracked while the table is full: fails open
        }
        assertThat(bans.banned("10.0.0.9")).isFalse();

        clock.advance(Duration.ofSeconds(5)); // every bucket has refilled its one refusal
        bans.prune();
        assertThat(bans.trackedSources()).isZero();
        for (int i = 0; i < 11; i++) {
            bans.refused("10.0.0.9");
        }
        assertThat(bans.banned("10.0.0.9")).isTrue();
        bans.prune();
        assertThat(bans.trackedSources()).as("a banned source is kept until its ban ends").isEqualTo(1);
    }
}
