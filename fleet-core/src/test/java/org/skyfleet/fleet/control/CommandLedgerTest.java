package org.skyfleet.fleet.control;

import org.skyfleet.fleet.testing.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CommandLedgerTest {
    private final ManualClock clock = new ManualClock();
    private final CommandLedger<String> ledger = new CommandLedger<>(clock, Duration.ofHours(1), 3);
    private final AtomicInteger runs = new AtomicInteger();

    private CompletableFuture<String> run() {
        return CompletableFuture.completedFuture("ACCEPTED #" + runs.incrementAndGet());
    }

    @Test
    void theSameIdTwiceRunsOnceAndReturnsTheFirstResult() throws Exception {
        String first = ledger.runOnce("c-1", "d1 ARM", this::run).toCompletableFuture().get();
        String again = ledger.runOnce("c-1", "d1 ARM", this::run).toCompletableFuture().get();

        assertThat(again).isEqualTo(first).isEqualTo("ACCEPTED #1");
        assertThat(runs).hasValue(1);
    }

    @Test
    void aRepeatWhileTheFirstIsInFlightWaitsForTheSameResult() throws Exception {
        CompletableFuture<String> vehicle = new CompletableFuture<>();
        var a = ledger.runOnce("c-2", "d1 TAKEOFF 30", () -> vehicle).toCompletableFuture();
        var b = ledger.runOnce("c-2", "d1 TAKEOFF 30", this::run).toCompletableFuture();
        assertThat(b).isNotDone();

        vehicle.complete("DENIED");

        assertThat(b.get()).isEqualTo("DENIED");
        assertThat(a.get()).isEqualTo("DENIED");
        assertThat(runs).hasValue(0);
    }

    @Test
    void anIdReusedForAnotherCommandIsRefused() {
        ledger.runOnce("c-3", "d1 ARM", this::run);
        assertThatThrownBy(() -> ledger.runOnce("c-3", "d1 DISARM", this::run))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already used");
    }

    @Test
    void idsAreForgottenAfterRetentionOrBeyondCapacity() {
        ledger.runOnce("old", "x", this::run);
        clock.advance(Duration.ofHours(2));
        ledger.runOnce("a", "x", this::run);
        assertThat(ledger.size()).isEqualTo(1);
        ledger.runOnce("b", "x", this::run);
        ledger.runOnce("c", "x", this::run);
        ledger.runOnce("d", "x", this::run);
        ledger.runOnce("e", "x", this::run);
        assertThat(ledger.size()).isLessThanOrEqualTo(4);
    }

    @Test
    void anIdWhoseCommandNeverLeftTheGroundIsForgottenSoItsRetryRuns() throws Exception {
        CommandLedger<String> ledger = new CommandLedger<>(clock, Duration.ofHours(1), 3, r -> r.startsWith("NOT_CONNECTED"));
        assertThat(ledger.runOnce("c-9", "d1 ARM", () -> CompletableFuture.completedFuture("NOT_CONNECTED"))
                .toCompletableFuture().get()).isEqualTo("NOT_CONNECTED");

        assertThat(ledger.runOnce("c-9", "d1 ARM", this::run).toCompletableFuture().get()).isEqualTo("ACCEPTED #1");
        assertThat(ledger.runOnce("c-9", "d1 ARM", this::run).toCompletableFuture().get()).isEqualTo("ACCEPTED #1");
        assertThat(runs).hasValue(1);
    }

    @Test
    void anOutcomeRememberedFromElsewhereAnswersARepeatButNeverReplacesWhatIsHeld() throws Exception {
        CompletableFuture<String> vehicle = new CompletableFuture<>();
        ledger.runOnce("c-9", "d1 ARM", () -> vehicle);
        assertThat(ledger.holds("c-9")).isTrue();
        assertThat(ledger.holds("c-8")).isFalse();

        ledger.remember("c-9", "d1 ARM", "from another node", clock.instant());
        ledger.remember("c-8", "d1 HOLD", "DENIED on node A", clock.instant());
        vehicle.complete("ACCEPTED here");

        assertThat(ledger.runOnce("c-9", "d1 ARM", this::run).toCompletableFuture().get()).isEqualTo("ACCEPTED here");
        assertThat(ledger.runOnce("c-8", "d1 HOLD", this::run).toCompletableFuture().get()).isEqualTo("DENIED on node A");
        assertThat(runs).hasValue(0);
    }
}
